import Foundation
import Logging
import TwitchSim
import TwitchSimCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A twitch-sim running in process on port 0, with channels, a viewer who chats, and a bot
/// holding a token for chat and EventSub.
final class SimFixture: Sendable {
  static let clientID = "warden-transport-test"

  let sim: TwitchSim
  let task: Task<Void, any Error>
  let urls: SimURLs
  let viewer: SimUser
  let bot: SimUser
  let botToken: SimToken
  let channels: [String: SimUser]

  var world: SimWorld { sim.world }

  /// Starts the simulator with `channels` (broadcaster logins); the bot moderates every channel.
  static func start(
    channels: [String] = ["streamer"], options: TwitchSim.Options = .init()
  ) async throws -> SimFixture {
    let sim = TwitchSim(options: options, logger: testLogger("test.twitch-sim", quiet: .critical))
    let task = Task { try await sim.run() }
    let urls = try await sim.ready()
    let world = sim.world
    let viewer = try world.createUser(login: "viewer32", displayName: "Viewer32")
    let bot = try world.createUser(login: "wardenbot", displayName: "WardenBot")
    var made: [String: SimUser] = [:]
    for login in channels {
      let broadcaster = try world.createUser(login: login)
      try world.openChannel(broadcasterID: broadcaster.id)
      try world.setRole(.moderator, true, userID: bot.id, in: broadcaster.id)
      made[login] = broadcaster
    }
    world.registerApp(clientID: clientID, clientSecret: "secret")
    let token = try world.mintToken(
      clientID: clientID, userID: bot.id,
      scopes: ["chat:read", "chat:edit", "user:read:chat", "moderator:manage:automod"])
    return SimFixture(sim: sim, task: task, urls: urls, viewer: viewer, bot: bot, botToken: token, channels: made)
  }

  private init(
    sim: TwitchSim, task: Task<Void, any Error>, urls: SimURLs, viewer: SimUser, bot: SimUser, botToken: SimToken,
    channels: [String: SimUser]
  ) {
    self.sim = sim
    self.task = task
    self.urls = urls
    self.viewer = viewer
    self.bot = bot
    self.botToken = botToken
    self.channels = channels
  }

  func stop() async {
    task.cancel()
    _ = try? await task.value
  }

  /// The viewer says `text` in `channel` (through the world, as chat from Twitch).
  func say(_ text: String, in channel: String = "streamer") throws {
    guard let broadcaster = channels[channel] else { throw FixtureError("no channel \(channel)") }
    try world.sendChat(channelID: broadcaster.id, userID: viewer.id, text: text)
  }

  /// `POST /control/flood`: answers when the flood is over.
  func flood(channel: String, linesPerSecond: Int, seconds: Int) async throws {
    var request = URLRequest(url: URL(string: urls.control + "/flood")!)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = try JSONSerialization.data(withJSONObject: [
      "channel": channel, "lines_per_second": linesPerSecond, "duration_seconds": seconds,
    ])
    _ = try await URLSession.shared.data(for: request)
  }
}

/// A logger for tests: quiet unless `TRANSPORT_TEST_TRACE` is set.
func testLogger(_ label: String, quiet: Logger.Level = .warning) -> Logger {
  var logger = Logger(label: label)
  logger.logLevel = ProcessInfo.processInfo.environment["TRANSPORT_TEST_TRACE"] != nil ? .trace : quiet
  return logger
}

struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
