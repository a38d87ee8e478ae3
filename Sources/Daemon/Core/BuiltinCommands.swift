import Foundation
import WardenProtocol
import WardenZeroMQ

/// What the built-in commands read: the daemon's identity, its bus and its counters.
public struct DaemonState: Sendable {
  public let bus: EventBus
  public let counters: DaemonCounters
  public let settings: BusSettings
  public let paths: RuntimePaths
  public let dataDirectory: String
  public let startedAt: ContinuousClock.Instant
  public let startedAtMS: Int64
  public let pid: Int32
  /// The components' parts of `status`.
  let statusParts: [@Sendable (inout StatusResult) async -> Void]

  public var uptimeMS: Int64 {
    (ContinuousClock.now - startedAt).wholeMilliseconds
  }
}

/// The commands of protocol v1's foundation: `hello`, `ping`, `status`, `snapshot`,
/// `events.since`.
enum BuiltinCommands {
  static let features = ["events.since.ring", "snapshot"]
  static let replayLimit = 1000

  /// Registers every built-in command but `hello` (see `registerHello`).
  static func register(in router: inout CommandRouter, state: DaemonState) {
    router.register(CommandName.ping) { _ in
      try WireCoding.value(PingResult(ts: WallClock.nowMS()))
    }
    router.register(CommandName.status) { _ in
      var result = status(state)
      for part in state.statusParts { await part(&result) }
      return try WireCoding.value(result)
    }
    router.register(CommandName.snapshot) { _ in
      // Later issues add channels, moderation state and held messages here.
      let result = SnapshotResult(
        epoch: state.bus.epoch, seqs: state.bus.sequenceNumbers, state: ["channels": []])
      return try WireCoding.value(result)
    }
    router.register(CommandName.eventsSince) { request in
      try eventsSince(request, state: state)
    }
  }

  /// Registers `hello`, which lists every command: call it after every other registration.
  static func registerHello(in router: inout CommandRouter, state: DaemonState) {
    let names = router.commandNames + [CommandName.hello]
    router.register(CommandName.hello) { _ in
      let result = HelloResult(
        protocolVersion: WardenVersion.wireProtocol, server: "wardend", serverVersion: WardenVersion.release,
        epoch: state.bus.epoch, features: features, commands: names.sorted(),
        maxRequestBytes: state.settings.maxRequestBytes)
      return try WireCoding.value(result)
    }
  }

  static func status(_ state: DaemonState) -> StatusResult {
    var counters = state.counters.snapshot()
    counters["events_published"] = state.bus.publishedCount
    return StatusResult(
      serverVersion: WardenVersion.release, protocolVersion: WardenVersion.wireProtocol,
      zmqVersion: ZMQContext.libraryVersion, pid: state.pid, epoch: state.bus.epoch, startedAt: state.startedAtMS,
      uptimeMS: state.uptimeMS, subscribers: state.counters.activeSubscriptions, seqs: state.bus.sequenceNumbers,
      counters: counters, endpoints: state.paths.endpoints, runtimeDir: state.paths.directory,
      dataDir: state.dataDirectory)
  }

  /// Reads `events.since` arguments with an error that names the argument and what it takes.
  static func eventsSinceArgs(_ request: CommandRequest) throws(ProtocolError) -> EventsSinceArgs {
    let streams = EventStream.allCases.map(\.rawValue).joined(separator: ", ")
    guard let name = request.args["stream"]?.stringValue, let stream = EventStream(rawValue: name) else {
      throw ProtocolError(.invalidArgs, "events.since: 'stream' must be one of \(streams)")
    }
    guard let after = request.args["after"]?.intValue, after >= 0 else {
      throw ProtocolError(.invalidArgs, "events.since: 'after' must be a whole number ≥ 0 (a sequence number)")
    }
    var epoch: String?
    if let value = request.args["epoch"], value != .null {
      guard let text = value.stringValue else {
        throw ProtocolError(.invalidArgs, "events.since: 'epoch' must be a string")
      }
      epoch = text
    }
    var limit: Int?
    if let value = request.args["limit"], value != .null {
      guard let number = value.intValue, (1...Int64(replayLimit)).contains(number) else {
        throw ProtocolError(.invalidArgs, "events.since: 'limit' must be a whole number from 1 to \(replayLimit)")
      }
      limit = Int(number)
    }
    return EventsSinceArgs(stream: stream, after: UInt64(after), epoch: epoch, limit: limit)
  }

  static func eventsSince(_ request: CommandRequest, state: DaemonState) throws -> JSONValue {
    let args = try eventsSinceArgs(request)
    if let epoch = args.epoch, epoch != state.bus.epoch {
      throw ProtocolError(
        .epochMismatch,
        "epoch \(epoch) is over: the daemon restarted (now \(state.bus.epoch)); take a snapshot")
    }
    let replay = state.bus.replay(stream: args.stream, after: args.after, limit: args.limit ?? replayLimit)
    let events = try replay.events.map { try Envelope.decode($0) }
    let result = EventsSinceResult(
      stream: args.stream, epoch: state.bus.epoch, events: events, complete: replay.complete, last: replay.last)
    return try WireCoding.value(result)
  }
}
