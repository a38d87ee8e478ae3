/// The two endpoints of a running daemon.
public struct DaemonEndpoints: Sendable, Hashable, Codable {
  /// The XPUB socket events are published on.
  public var events: String
  /// The ROUTER socket commands are served on.
  public var commands: String

  public init(events: String, commands: String) {
    self.events = events
    self.commands = commands
  }
}

/// The contents of `daemon.json` (mode 0600) in the runtime directory, written once the daemon
/// serves and removed when it stops.
public struct DaemonInfo: Sendable, Hashable, Codable {
  public var protocolVersion: Int
  public var serverVersion: String
  public var pid: Int32
  public var epoch: String
  public var startedAt: Int64
  public var endpoints: DaemonEndpoints

  public init(
    protocolVersion: Int, serverVersion: String, pid: Int32, epoch: String, startedAt: Int64,
    endpoints: DaemonEndpoints
  ) {
    self.protocolVersion = protocolVersion
    self.serverVersion = serverVersion
    self.pid = pid
    self.epoch = epoch
    self.startedAt = startedAt
    self.endpoints = endpoints
  }

  enum CodingKeys: String, CodingKey {
    case pid, epoch, endpoints
    case protocolVersion = "protocol"
    case serverVersion = "server_version"
    case startedAt = "started_at"
  }
}
