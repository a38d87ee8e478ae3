import WardenGateway

/// One phase change of one IRC connection.
public struct IRCConnectionReport: Sendable, Hashable {
  /// The connection, 1-based.
  public var connection: Int
  public var phase: ConnectionPhase
  /// The channels this connection carries (logins, lowercase, without `#`).
  public var channels: [String]
  /// Why the phase changed, when known (never contains a token).
  public var reason: String?
  /// With `.reconnecting`: when the next attempt starts.
  public var retryIn: Duration?

  public init(
    connection: Int, phase: ConnectionPhase, channels: [String], reason: String? = nil, retryIn: Duration? = nil
  ) {
    self.connection = connection
    self.phase = phase
    self.channels = channels
    self.reason = reason
    self.retryIn = retryIn
  }
}
