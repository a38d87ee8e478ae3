/// The phase of a gateway connection as reported in `sys.connection` events.
public enum ConnectionPhase: String, Sendable, Hashable, CaseIterable {
  /// Not started.
  case idle
  /// A socket is being opened.
  case connecting
  /// The socket is open and the login (or the session welcome) is pending.
  case authenticating
  /// Logged in and joined; events flow.
  case ready
  /// The connection was lost; a new attempt is scheduled.
  case reconnecting
  /// Stopped for good after an error that a retry cannot fix (bad credentials).
  case failed
  /// Stopped on request.
  case stopped
}
