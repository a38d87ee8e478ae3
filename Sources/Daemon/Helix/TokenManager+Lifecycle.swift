import Foundation
import WardenProtocol

/// Start, the validation and refresh loop, sign-in and sign-out.
extension TokenManager {
  /// Loads the stored token and validates it (refreshing first when it is about to expire).
  /// Throws `TokenStoreError` when the file cannot be trusted or read; Twitch's verdicts end
  /// up in `status`, not in errors.
  public func start() async throws {
    started = true
    do {
      tokens = try store.load()
    } catch {
      state = .invalid
      message = error.description
      throw error
    }
    guard let token = tokens.user else {
      state = .anonymous
      return
    }
    state = .authenticated
    if token.isExpired(at: clock.now(), margin: configuration.refreshMargin) {
      guard await refresh(.expiring) != nil, state == .authenticated else { return }
    }
    await validate()
  }

  /// Validates every `validateInterval` and refreshes `refreshMargin` before expiry, until the
  /// task is cancelled. Calls `start()` first if nobody did.
  public func run() async throws {
    if !started { try await start() }
    while !Task.isCancelled {
      let now = clock.now()
      let wake = min(nextCheck() ?? .distantFuture, now.addingTimeInterval(configuration.maxSleep.timeInterval))
      do {
        try await clock.sleepUntil(wake)
      } catch {
        return
      }
      await check()
    }
  }

  /// When the next refresh, validation or retry is due.
  func nextCheck() -> Date? {
    guard state == .authenticated, let token = tokens.user else { return nil }
    if let retryAt { return retryAt }
    var due: [Date] = []
    if let expiry = token.expiryDate {
      due.append(expiry.addingTimeInterval(-configuration.refreshMargin.timeInterval))
    }
    due.append((lastValidated ?? .distantPast).addingTimeInterval(configuration.validateInterval.timeInterval))
    return due.min()
  }

  /// Does whatever is due now.
  func check() async {
    guard state == .authenticated, let token = tokens.user else { return }
    let now = clock.now()
    if let retryAt, now < retryAt { return }
    if token.isExpired(at: now, margin: configuration.refreshMargin) {
      _ = await refresh(.expiring)
    } else if let due = nextCheck(), now >= due {
      await validate()
    }
  }

  /// Installs the token from a sign-in: validates it (throws `OAuthError` if Twitch rejects it
  /// or it belongs to another client), fills in the account, saves it (throws
  /// `TokenStoreError`) and reports `loggedIn`.
  @discardableResult
  public func install(_ token: OAuthToken) async throws -> AuthStatusResult {
    let validation = try await oauth.validate(accessToken: token.accessToken)
    guard validation.clientID == oauth.credentials.clientID else {
      throw OAuthError(.invalidClient, operation: "install the token", message: "it belongs to another client id")
    }
    var token = token
    apply(validation, to: &token)
    var updated = tokens
    updated.user = token
    try store.save(updated)
    tokens = updated
    state = .authenticated
    message = nil
    retryAt = nil
    lastValidated = clock.now()
    logger.info("twitch sign-in installed", metadata: ["twitch.login": "\(token.login ?? "?")"])
    report(.loggedIn(authData()))
    return status
  }

  /// Revokes the user token (best effort), deletes the token file and goes anonymous.
  public func logout() async throws {
    if let token = tokens.user {
      do {
        try await oauth.revoke(accessToken: token.accessToken)
      } catch {
        logger.warning("could not revoke the twitch token", metadata: ["auth.error": "\(error)"])
      }
    }
    tokens = StoredTokens()
    state = .anonymous
    message = nil
    retryAt = nil
    lastValidated = nil
    try store.delete()
    report(.loggedOut)
  }

  /// Copies what `validate` said into the token.
  func apply(_ validation: TokenValidation, to token: inout OAuthToken) {
    token.userID = validation.userID ?? token.userID
    token.login = validation.login ?? token.login
    token.scopes = validation.scopes
    if validation.expiresIn > 0 { token.expiresAt = clock.nowMS + Int64(validation.expiresIn) * 1000 }
  }
}
