import Foundation
import Logging
import WardenProtocol

/// Owns the user token: loads it from the store, validates it at start and every hour,
/// refreshes it before it expires and after a 401, saves every new token (rotated refresh
/// tokens before they are used), and reports changes. Optionally also keeps an app token.
///
/// `start()` once, then `run()` until cancelled. `HelixClient` reads tokens through the
/// `HelixTokenSource` conformance.
public actor TokenManager: HelixTokenSource {
  /// Timings; Twitch asks for validation at start and hourly.
  public struct Configuration: Sendable {
    /// Time between validations.
    public var validateInterval: Duration
    /// How long before expiry the token is refreshed.
    public var refreshMargin: Duration
    /// Wait before trying again after Twitch could not be reached.
    public var retryDelay: Duration
    /// The longest `run()` sleeps before looking again.
    public var maxSleep: Duration

    /// Twitch's hourly validation, a refresh 5 minutes before expiry, retries after 30 s.
    public init(
      validateInterval: Duration = .seconds(3600), refreshMargin: Duration = .seconds(300),
      retryDelay: Duration = .seconds(30), maxSleep: Duration = .seconds(60)
    ) {
      self.validateInterval = validateInterval
      self.refreshMargin = refreshMargin
      self.retryDelay = retryDelay
      self.maxSleep = maxSleep
    }
  }

  /// Why a refresh happens.
  enum RefreshReason {
    /// The token is about to expire.
    case expiring
    /// Twitch rejected the token (`validate` or Helix answered 401).
    case rejected
  }

  let oauth: OAuthClient
  let store: TokenStore
  let configuration: Configuration
  let clock: AuthClock
  let logger: Logger
  var changeHandler: (@Sendable (AuthChange) -> Void)?

  var tokens = StoredTokens()
  var state = AuthState.anonymous
  var message: String?
  var lastValidated: Date?
  /// When to try again after Twitch could not be reached.
  var retryAt: Date?
  var started = false
  var refreshTask: Task<String?, Never>?
  var appTokenTask: Task<String, any Error>?

  /// - Parameters:
  ///   - clock: wall-clock time and waiting (tests move it by hand).
  ///   - onChange: called, on the manager, with every change of the token's standing.
  public init(
    oauth: OAuthClient, store: TokenStore, configuration: Configuration = .init(), clock: AuthClock = .system,
    logger: Logger, onChange: (@Sendable (AuthChange) -> Void)? = nil
  ) {
    self.oauth = oauth
    self.store = store
    self.configuration = configuration
    self.clock = clock
    self.logger = logger
    self.changeHandler = onChange
  }

  /// Replaces the change handler.
  public func setChangeHandler(_ handler: (@Sendable (AuthChange) -> Void)?) {
    changeHandler = handler
  }

  /// Where the user token stands, for `auth.status`.
  public var status: AuthStatusResult {
    let token = tokens.user
    let user = token.flatMap { token in token.login.map { TwitchUser(id: token.userID, login: $0) } }
    return AuthStatusResult(
      state: state, user: user, scopes: token?.scopes ?? [], expiresAt: token?.expiresAt, message: message)
  }

  /// The current user token (its description redacts the secrets), if any.
  public var userToken: OAuthToken? { tokens.user }

  // MARK: HelixTokenSource

  /// The user token while it is good; refreshes first when it is about to expire.
  public func accessToken() async -> String? {
    guard state == .authenticated, let token = tokens.user else { return nil }
    let now = clock.now()
    guard token.isExpired(at: now, margin: configuration.refreshMargin), retryAt.map({ now >= $0 }) ?? true else {
      return token.accessToken
    }
    if let fresh = await refresh(.expiring) { return fresh }
    guard state == .authenticated, let current = tokens.user, !current.isExpired(at: clock.now()) else { return nil }
    return current.accessToken
  }

  /// Refreshes after Helix refused `failedToken` (one refresh for any number of callers); `nil`
  /// when the authorization is lost. Returns the current token at once when it already changed.
  public func refreshAfterUnauthorized(failedToken: String) async -> String? {
    guard let token = tokens.user else { return nil }
    guard token.accessToken == failedToken else { return state == .authenticated ? token.accessToken : nil }
    guard state == .authenticated else { return nil }
    return await refresh(.rejected)
  }

  // MARK: State changes

  /// `AuthData` for the current token, with a message.
  func authData(message: String? = nil) -> AuthData {
    let status = status
    return AuthData(user: status.user, scopes: status.scopes, expiresAt: status.expiresAt, message: message)
  }

  /// Moves to a failed state (`expired`, `revoked`, `invalid`) and reports it.
  func fail(_ newState: AuthState, _ text: String) {
    state = newState
    message = text
    retryAt = nil
    logger.warning("twitch authorization lost", metadata: ["auth.state": "\(newState)", "auth.reason": "\(text)"])
    let data = authData(message: text)
    switch newState {
    case .expired: report(.expired(data))
    case .revoked: report(.revoked(data))
    default: report(.invalid(data))
    }
  }

  func report(_ change: AuthChange) {
    changeHandler?(change)
  }

  /// Saves the tokens; a failure is logged and noted in the status, and the tokens stay in use.
  @discardableResult
  func persist() -> Bool {
    do {
      if tokens.isEmpty { try store.delete() } else { try store.save(tokens) }
      return true
    } catch {
      logger.error("could not save the twitch tokens", metadata: ["auth.store_error": "\(error)"])
      message = "The token could not be saved: \(error)"
      return false
    }
  }
}
