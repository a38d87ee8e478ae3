import Foundation
import Logging
import Synchronization
import WardenClient
import WardenDaemon
import WardenProtocol
import WardenTestSupport
import WardenZeroMQ

/// A daemon started in-process on private directories, with a client context to talk to it.
final class RunningDaemon: Sendable {
  let daemon: Daemon
  let task: Task<Void, any Error>
  let context: ZMQContext

  static func start(runtime: String, data: String, configure: (inout DaemonConfig) -> Void = { _ in }) async throws
    -> RunningDaemon
  {
    var config = DaemonConfig()
    configure(&config)
    let options = DaemonOptions(
      config: config, paths: RuntimePaths(directory: runtime), dataDirectory: data, handleSignals: false)
    var logger = Logger(label: "test.wardend")
    logger.logLevel = .warning
    let daemon = try await Daemon.start(options, logger: logger)
    let task = Task { try await daemon.run() }
    return RunningDaemon(daemon: daemon, task: task, context: try ZMQContext())
  }

  private init(daemon: Daemon, task: Task<Void, any Error>, context: ZMQContext) {
    self.daemon = daemon
    self.task = task
    self.context = context
  }

  var paths: RuntimePaths { daemon.paths }

  func client(timeout: Duration = .seconds(3)) async throws -> CommandClient {
    try await CommandClient.connect(paths: paths, context: context, timeout: timeout, retries: 0)
  }

  /// Shuts down gracefully and waits until `run` returned.
  func stop() async throws {
    await daemon.shutdown()
    try await task.value
  }
}

/// Collects a subscriber's outputs in the background.
final class Collector: Sendable {
  private final class Box: Sendable {
    let items = Mutex<[SubscriberOutput]>([])
  }
  private let box = Box()
  let task: Task<Void, Never>

  init(_ subscriber: Subscriber) {
    let box = self.box
    task = Task {
      for await output in subscriber.outputs { box.items.withLock { $0.append(output) } }
    }
  }

  var all: [SubscriberOutput] { box.items.withLock { $0 } }

  var events: [Envelope] {
    all.compactMap { if case .event(let envelope) = $0 { envelope } else { nil } }
  }

  var notices: [SubscriberNotice] {
    all.compactMap { if case .notice(let notice) = $0 { notice } else { nil } }
  }

  func waitFor(_ seconds: Double = 10, _ condition: (Collector) -> Bool) async -> Bool {
    await eventually(seconds) { condition(self) }
  }
}
