import Foundation
import Logging
import Synchronization
import TwitchSim
import TwitchSimCore
import WardenClient
import WardenDaemon
import WardenHelix
import WardenProtocol
import WardenTestSupport
import WardenTwitch
import WardenZeroMQ

/// twitch-sim in process with a channel, a moderator bot and a viewer, and a daemon running the
/// Twitch gateway against it, with a subscriber collecting every event.
final class GatewayHarness: Sendable {
  let sim: TwitchSim
  let simTask: Task<Void, any Error>
  let urls: SimURLs
  /// A private directory for the daemon's runtime and data, removed by `stop()`.
  let directory: String
  let daemon: Daemon
  let daemonTask: Task<Void, any Error>
  let context: ZMQContext
  let events: EventCollector
  let broadcaster: SimUser
  let bot: SimUser
  let viewer: SimUser
  static let clientID = "warden-test"

  var world: SimWorld { sim.world }

  /// - Parameters:
  ///   - loggedIn: stores a token for the bot before the daemon starts.
  ///   - transport: `irc_ws` or `irc_tcp`.
  static func start(
    loggedIn: Bool = true, scopes: [String] = TwitchSettings.defaultScopes, ircTCP: Bool = false,
    transports: Set<GatewayTransport> = [.irc, .eventsub],
    configureSim: (inout TwitchSim.Options) -> Void = { _ in },
    configure: (inout DaemonConfig) -> Void = { _ in }
  ) async throws -> GatewayHarness {
    var options = TwitchSim.Options()
    configureSim(&options)
    var simLogger = Logger(label: "test.twitch-sim")
    simLogger.logLevel = .critical
    let sim = TwitchSim(options: options, logger: simLogger)
    let simTask = Task { try await sim.run() }
    let urls = try await sim.ready()
    let world = sim.world
    let broadcaster = try world.createUser(login: "pixelpaladin", displayName: "PixelPaladin")
    _ = try world.openChannel(broadcasterID: broadcaster.id)
    let bot = try world.createUser(login: "warden_bot", displayName: "WardenBot")
    try world.setRole(.moderator, true, userID: bot.id, in: broadcaster.id)
    let viewer = try world.createUser(login: "alice", displayName: "Alice")
    _ = world.registerApp(clientID: clientID, clientSecret: nil)

    let directory = NSTemporaryDirectory() + "wtw-" + UUID().uuidString.prefix(8)
    let data = directory + "/data"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    chmod(data, 0o700)
    if loggedIn {
      let token = try world.mintToken(clientID: clientID, userID: bot.id, scopes: scopes)
      try TokenStore(directory: data).save(
        StoredTokens(
          user: OAuthToken(
            accessToken: token.accessToken, refreshToken: token.refreshToken, scopes: token.scopes,
            expiresAt: Int64(token.expiresAt.timeIntervalSince1970 * 1000), userID: bot.id, login: bot.login)))
    }
    var config = DaemonConfig()
    config.channels = ["pixelpaladin"]
    config.twitch.clientID = clientID
    config.twitch.ircURL = ircTCP ? urls.ircTCP : urls.ircWS
    config.twitch.eventSubURL = urls.eventSub
    config.twitch.helixURL = urls.helix
    config.twitch.oauthURL = urls.oauth
    config.twitch.transports = transports
    config.twitch.dedupeWindowMS = 1500
    configure(&config)
    let daemonOptions = DaemonOptions(
      config: config, paths: RuntimePaths(directory: directory + "/run"), dataDirectory: data,
      handleSignals: false)
    var logger = Logger(label: "test.wardend")
    logger.logLevel = .critical
    let daemon = try await Daemon.start(daemonOptions, logger: logger) { context in
      [try TwitchGateway.component(context)]
    }
    let daemonTask = Task { try await daemon.run() }
    let context = try ZMQContext()
    let subscriber = try await Subscriber.connect(context: context, endpoint: daemon.paths.endpoints.events)
    return GatewayHarness(
      sim: sim, simTask: simTask, urls: urls, directory: directory, daemon: daemon, daemonTask: daemonTask,
      context: context, events: EventCollector(subscriber), broadcaster: broadcaster, bot: bot, viewer: viewer)
  }

  private init(
    sim: TwitchSim, simTask: Task<Void, any Error>, urls: SimURLs, directory: String, daemon: Daemon,
    daemonTask: Task<Void, any Error>, context: ZMQContext, events: EventCollector, broadcaster: SimUser,
    bot: SimUser, viewer: SimUser
  ) {
    self.sim = sim
    self.simTask = simTask
    self.urls = urls
    self.directory = directory
    self.daemon = daemon
    self.daemonTask = daemonTask
    self.context = context
    self.events = events
    self.broadcaster = broadcaster
    self.bot = bot
    self.viewer = viewer
  }

  func client() async throws -> CommandClient {
    try await CommandClient.connect(paths: daemon.paths, context: context, timeout: .seconds(15), retries: 0)
  }

  /// Waits until the gateway reads chat (a message sent now arrives) and, when logged in,
  /// EventSub covers moderation.
  func waitUntilReady(eventSub: Bool = true) async throws -> Bool {
    let client = try await client()
    return await eventually(20) {
      guard let status = try? await client.call(CommandName.status, as: StatusResult.self),
        let twitch = status.twitch
      else { return false }
      let ircUp = twitch.connections.contains { $0.transport == .irc && $0.state == .connected }
      let eventSubUp = !eventSub || twitch.connections.contains { $0.transport == .eventsub && $0.state == .connected }
      let subscribed = !eventSub || !world.eventSubSubscriptions(clientID: Self.clientID).isEmpty
      return ircUp && eventSubUp && subscribed && twitch.channels.allSatisfy(\.joined)
    }
  }

  func stop() async {
    await daemon.shutdown()
    _ = try? await daemonTask.value
    simTask.cancel()
    _ = try? await simTask.value
    try? FileManager.default.removeItem(atPath: directory)
  }
}

/// Collects a subscriber's events in the background.
final class EventCollector: Sendable {
  private final class Box: Sendable {
    let items = Mutex<[Envelope]>([])
  }
  private let box = Box()
  private let task: Task<Void, Never>

  init(_ subscriber: Subscriber) {
    let box = box
    task = Task {
      for await output in subscriber.outputs {
        if case .event(let envelope) = output { box.items.withLock { $0.append(envelope) } }
      }
    }
  }

  var all: [Envelope] { box.items.withLock { $0 } }

  func of(_ type: EventType) -> [Envelope] { all.filter { $0.type == type } }

  func data<T: Decodable>(_ type: EventType, as: T.Type) -> [T] {
    of(type).compactMap { try? WireCoding.decode(T.self, from: $0.data) }
  }

  func waitFor(_ seconds: Double = 15, _ condition: (EventCollector) -> Bool) async -> Bool {
    await eventually(seconds) { condition(self) }
  }
}
