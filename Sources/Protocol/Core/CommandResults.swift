/// `result` of `hello`.
public struct HelloResult: Sendable, Hashable, Codable {
  public var protocolVersion: Int
  public var server: String
  public var serverVersion: String
  public var epoch: String
  /// Optional capabilities this daemon has, for clients to test before use.
  public var features: [String]
  /// Every command name the daemon serves.
  public var commands: [String]
  /// The largest request frame in bytes that gets a normal answer.
  public var maxRequestBytes: Int

  public init(
    protocolVersion: Int, server: String, serverVersion: String, epoch: String, features: [String],
    commands: [String], maxRequestBytes: Int
  ) {
    self.protocolVersion = protocolVersion
    self.server = server
    self.serverVersion = serverVersion
    self.epoch = epoch
    self.features = features
    self.commands = commands
    self.maxRequestBytes = maxRequestBytes
  }

  enum CodingKeys: String, CodingKey {
    case server, epoch, features, commands
    case protocolVersion = "protocol"
    case serverVersion = "server_version"
    case maxRequestBytes = "max_request_bytes"
  }
}

/// `result` of `ping`.
public struct PingResult: Sendable, Hashable, Codable {
  public var pong: Bool
  /// The daemon's clock, milliseconds since the Unix epoch.
  public var ts: Int64

  public init(ts: Int64) {
    self.pong = true
    self.ts = ts
  }
}

/// `result` of `status`.
public struct StatusResult: Sendable, Hashable, Codable {
  public var serverVersion: String
  public var protocolVersion: Int
  public var zmqVersion: String
  public var pid: Int32
  public var epoch: String
  public var startedAt: Int64
  public var uptimeMS: Int64
  /// Active subscriptions on the event socket.
  public var subscribers: Int
  public var seqs: SequenceNumbers
  public var counters: [String: UInt64]
  public var endpoints: DaemonEndpoints
  public var runtimeDir: String
  public var dataDir: String
  /// The Twitch gateway, when the daemon runs one.
  public var twitch: GatewayStatus?

  public init(
    serverVersion: String, protocolVersion: Int, zmqVersion: String, pid: Int32, epoch: String, startedAt: Int64,
    uptimeMS: Int64, subscribers: Int, seqs: SequenceNumbers, counters: [String: UInt64], endpoints: DaemonEndpoints,
    runtimeDir: String, dataDir: String, twitch: GatewayStatus? = nil
  ) {
    self.serverVersion = serverVersion
    self.protocolVersion = protocolVersion
    self.zmqVersion = zmqVersion
    self.pid = pid
    self.epoch = epoch
    self.startedAt = startedAt
    self.uptimeMS = uptimeMS
    self.subscribers = subscribers
    self.seqs = seqs
    self.counters = counters
    self.endpoints = endpoints
    self.runtimeDir = runtimeDir
    self.dataDir = dataDir
    self.twitch = twitch
  }

  enum CodingKeys: String, CodingKey {
    case pid, epoch, subscribers, seqs, counters, endpoints, twitch
    case serverVersion = "server_version"
    case protocolVersion = "protocol"
    case zmqVersion = "zmq_version"
    case startedAt = "started_at"
    case uptimeMS = "uptime_ms"
    case runtimeDir = "runtime_dir"
    case dataDir = "data_dir"
  }
}

/// `result` of `snapshot`: the state a late joiner starts from. Apply afterwards only events whose
/// `seq` is higher than `seqs[stream]`.
public struct SnapshotResult: Sendable, Hashable, Codable {
  public var epoch: String
  public var seqs: SequenceNumbers
  /// The daemon's state; its members grow with later protocol minor versions.
  public var state: JSONValue

  public init(epoch: String, seqs: SequenceNumbers, state: JSONValue) {
    self.epoch = epoch
    self.seqs = seqs
    self.state = state
  }
}

/// `args` of `events.since`.
public struct EventsSinceArgs: Sendable, Hashable, Codable {
  public var stream: EventStream
  /// Replay events with `seq` greater than this.
  public var after: UInt64
  /// When given, the request fails with `epoch_mismatch` unless it is the daemon's epoch.
  public var epoch: String?
  /// At most this many events (default and maximum 1000).
  public var limit: Int?

  public init(stream: EventStream, after: UInt64, epoch: String? = nil, limit: Int? = nil) {
    self.stream = stream
    self.after = after
    self.epoch = epoch
    self.limit = limit
  }
}

/// `result` of `events.since`.
public struct EventsSinceResult: Sendable, Hashable, Codable {
  public var stream: EventStream
  public var epoch: String
  /// Envelopes in sequence order.
  public var events: [Envelope]
  /// `false` when events after `after` are missing because they left the ring buffer: the
  /// client should take a `snapshot` instead.
  public var complete: Bool
  /// The stream's last sequence number now; more events remain when it is past the last returned.
  public var last: UInt64

  public init(stream: EventStream, epoch: String, events: [Envelope], complete: Bool, last: UInt64) {
    self.stream = stream
    self.epoch = epoch
    self.events = events
    self.complete = complete
    self.last = last
  }
}
