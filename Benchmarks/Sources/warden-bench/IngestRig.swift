import Foundation
import Logging
import Synchronization
import TwitchSim
import TwitchSimCore
import WardenClient
import WardenDaemon
import WardenProtocol
import WardenTwitch
import WardenZeroMQ

/// twitch-sim and a daemon running the Twitch gateway in this process, set up as the gateway's
/// end-to-end tests do (`GatewayHarness`): one channel, anonymous IRC only, on plain TCP or
/// WebSocket, and a `WardenClient.Subscriber` on `chat.message.` stamping every event's arrival.
final class IngestRig: Sendable {
  static let channel = "floodchan"

  let sim: TwitchSim
  let sink: IngestSink
  let broadcaster: SimUser
  private let simTask: Task<Void, any Error>
  private let daemon: Daemon
  private let daemonTask: Task<Void, any Error>
  private let directory: TemporaryDirectory
  private let subscriber: Subscriber
  private let consumer: Task<Void, Never>
  private let inbox: Inbox

  /// What the subscriber's consumer records into.
  private final class Inbox: Sendable {
    let round = Mutex<IngestRound?>(nil)
    let notices = Mutex<[SubscriberNotice]>([])
  }

  /// - Parameter webSocket: IRC over WebSocket (Twitch's default URL) instead of plain TCP.
  static func start(webSocket: Bool) async throws -> IngestRig {
    var quiet = Logger(label: "bench.ingest")
    quiet.logLevel = .critical
    let sim = TwitchSim(options: TwitchSim.Options(), logger: quiet)
    let simTask = Task { try await sim.run() }
    let urls = try await sim.ready()
    let broadcaster = try sim.world.createUser(login: channel, displayName: "FloodChan")
    _ = try sim.world.openChannel(broadcasterID: broadcaster.id)

    let directory = try TemporaryDirectory(prefix: "wbi")
    var config = DaemonConfig()
    config.channels = [channel]
    config.twitch.clientID = nil
    config.twitch.transports = [.irc]
    config.twitch.ircURL = webSocket ? urls.ircWS : urls.ircTCP
    config.twitch.eventSubURL = urls.eventSub
    config.twitch.helixURL = urls.helix
    config.twitch.oauthURL = urls.oauth
    // As in the bus suite: room for the subscriber to fall behind a burst without losing events.
    config.bus.sendHighWaterMark = 1_000_000
    let options = DaemonOptions(
      config: config, paths: RuntimePaths(directory: directory.appending("run")),
      dataDirectory: directory.appending("data"), handleSignals: false)
    let daemon = try await Daemon.start(options, logger: quiet) { context in
      [try TwitchGateway.component(context)]
    }
    let daemonTask = Task { try await daemon.run() }
    let context = try ZMQContext()
    let subscriber = try await Subscriber.connect(
      context: context, endpoint: daemon.paths.endpoints.events, filters: ["chat."])

    let inbox = Inbox()
    let consumer = Task {
      for await output in subscriber.outputs {
        switch output {
        case .event(let envelope):
          let time = MonotonicTime.nanoseconds()
          guard envelope.type == .chatMessage, let id = envelope.data["message_id"]?.stringValue else { continue }
          inbox.round.withLock { $0 }?.received(messageID: id, at: time, publishedMS: envelope.ts)
        case .notice(let notice):
          inbox.notices.withLock { $0.append(notice) }
        }
      }
    }
    return IngestRig(
      sim: sim, sink: IngestSink(wrapping: sim.irc), broadcaster: broadcaster, simTask: simTask, daemon: daemon,
      daemonTask: daemonTask, directory: directory, subscriber: subscriber, consumer: consumer, inbox: inbox)
  }

  private init(
    sim: TwitchSim, sink: IngestSink, broadcaster: SimUser, simTask: Task<Void, any Error>, daemon: Daemon,
    daemonTask: Task<Void, any Error>, directory: TemporaryDirectory, subscriber: Subscriber,
    consumer: Task<Void, Never>, inbox: Inbox
  ) {
    self.sim = sim
    self.sink = sink
    self.broadcaster = broadcaster
    self.simTask = simTask
    self.daemon = daemon
    self.daemonTask = daemonTask
    self.directory = directory
    self.subscriber = subscriber
    self.consumer = consumer
    self.inbox = inbox
  }

  /// Makes `round` the one that both the sink and the subscriber record into.
  func begin(_ round: IngestRound) {
    inbox.round.withLock { $0 = round }
    sink.begin(round)
  }

  /// Gap, restart and silence notices the subscriber reported, taken.
  func takeNotices() -> [SubscriberNotice] {
    inbox.notices.withLock { notices in
      defer { notices = [] }
      return notices
    }
  }

  func stop() async {
    await subscriber.close()
    await consumer.value
    await daemon.shutdown()
    _ = try? await daemonTask.value
    simTask.cancel()
    _ = try? await simTask.value
    directory.remove()
  }
}
