import WardenProtocol

/// A change in the user token's standing, reported by `TokenManager` to its change handler;
/// the daemon publishes most of them as `sys.auth_*` events. Never carries a token.
public enum AuthChange: Sendable, Hashable {
  /// A sign-in installed a new token.
  case loggedIn(AuthData)
  /// The token was refreshed; `expiresAt` is the new token's.
  case refreshed(AuthData)
  /// The token expired and could not be refreshed.
  case expired(AuthData)
  /// Twitch rejected the token and its refresh token: the authorization was revoked.
  case revoked(AuthData)
  /// Twitch rejects the token and there is no way to renew it (no refresh token, another
  /// client's token, a bad client secret).
  case invalid(AuthData)
  /// `logout()` removed the token.
  case loggedOut

  /// The event to publish, if the protocol has one for this change.
  public var eventType: EventType? {
    switch self {
    case .refreshed: .sysAuthRefreshed
    case .expired: .sysAuthExpired
    case .revoked: .sysAuthRevoked
    case .invalid: .sysAuthInvalid
    case .loggedIn, .loggedOut: nil
    }
  }

  /// The event's data.
  public var data: AuthData? {
    switch self {
    case .loggedIn(let data), .refreshed(let data), .expired(let data), .revoked(let data), .invalid(let data): data
    case .loggedOut: nil
    }
  }
}
