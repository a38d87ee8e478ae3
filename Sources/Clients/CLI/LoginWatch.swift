import WardenProtocol

/// Follows a login that `auth.login` started to its end, one `auth.status` at a time: done when
/// the daemon is authenticated with no login pending; failed when the login went away without
/// authorization (the daemon's `message` says why) or its offer lapsed.
public enum LoginWatch {
  /// Where the login stands after one status.
  public enum Outcome: Sendable, Equatable {
    /// The login is still pending: ask again.
    case waiting
    /// The daemon is authenticated and no login is pending.
    case loggedIn(AuthStatusResult)
    /// The login ended without authorization, or its offer lapsed; the message says which.
    case failed(String)
  }

  /// The outcome after `status`, read at `nowMS` (ms since the epoch).
  public static func step(_ status: AuthStatusResult, nowMS: Int64) -> Outcome {
    guard let pending = status.pending else {
      if status.state == .authenticated { return .loggedIn(status) }
      return .failed(
        "the login ended without authorization: \(status.message ?? "no reason given"); run `warden login` again")
    }
    if nowMS >= pending.expiresAt {
      return .failed("the login offer expired before it was completed; run `warden login` again")
    }
    return .waiting
  }
}
