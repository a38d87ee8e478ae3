import WardenGateway

/// One phase change of the EventSub session.
public struct EventSubConnectionReport: Sendable, Hashable {
  public var phase: ConnectionPhase
  /// The session delivering now, once welcomed.
  public var sessionID: String?
  /// Why the phase changed, when known (a close code and its meaning, a missed deadline …).
  public var reason: String?
  /// With `.reconnecting`: when the next attempt starts.
  public var retryIn: Duration?

  public init(phase: ConnectionPhase, sessionID: String?, reason: String? = nil, retryIn: Duration? = nil) {
    self.phase = phase
    self.sessionID = sessionID
    self.reason = reason
    self.retryIn = retryIn
  }
}
