import Foundation
import WardenProtocol

/// Validation and the single-flight refresh.
extension TokenManager {
  /// Validates the user token; a 401 leads to a refresh.
  func validate() async {
    guard let token = tokens.user else { return }
    do {
      let validation = try await oauth.validate(accessToken: token.accessToken)
      guard tokens.user?.accessToken == token.accessToken else { return }
      guard validation.clientID == oauth.credentials.clientID else {
        fail(.invalid, "The stored token belongs to another client id; sign in again with `warden login`")
        return
      }
      var updated = token
      apply(validation, to: &updated)
      lastValidated = clock.now()
      retryAt = nil
      if updated != token {
        tokens.user = updated
        persist()
      }
      if state != .authenticated || message != nil {
        state = .authenticated
        message = nil
      }
      logger.debug("twitch token valid", metadata: ["auth.expires_in": "\(validation.expiresIn)"])
    } catch let error as OAuthError where error.kind == .invalidToken {
      guard tokens.user?.accessToken == token.accessToken else { return }
      logger.info("twitch rejected the token; refreshing")
      _ = await refresh(.rejected)
    } catch is CancellationError {
      return
    } catch {
      postpone(error)
    }
  }

  /// One refresh at a time: callers that arrive while one runs wait for its result.
  func refresh(_ reason: RefreshReason) async -> String? {
    if let refreshTask { return await refreshTask.value }
    let task = Task { await self.performRefresh(reason) }
    refreshTask = task
    return await task.value
  }

  /// Exchanges the refresh token; saves the new tokens before anything uses them.
  private func performRefresh(_ reason: RefreshReason) async -> String? {
    defer { refreshTask = nil }
    guard let token = tokens.user else { return nil }
    guard let refreshToken = token.refreshToken else {
      fail(.invalid, "Twitch rejected the token and there is no refresh token; sign in again with `warden login`")
      return nil
    }
    do {
      var fresh = try await oauth.refresh(refreshToken: refreshToken)
      guard tokens.user?.refreshToken == refreshToken else { return tokens.user?.accessToken }
      fresh.userID = token.userID
      fresh.login = token.login
      if fresh.scopes.isEmpty { fresh.scopes = token.scopes }
      tokens.user = fresh
      persist()
      state = .authenticated
      retryAt = nil
      if message?.hasPrefix("The token could not be saved") != true { message = nil }
      report(.refreshed(authData()))
      return fresh.accessToken
    } catch let error as OAuthError where error.kind == .invalidGrant {
      guard tokens.user?.refreshToken == refreshToken else { return tokens.user?.accessToken }
      // Refused while renewing an expiring token, or after expiry: expired. Refused after
      // Twitch rejected a token still in date: the authorization was withdrawn.
      if reason == .expiring || token.isExpired(at: clock.now()) {
        fail(.expired, "The token expired and Twitch refused to refresh it; sign in again with `warden login`")
      } else {
        fail(.revoked, "The authorization was revoked; sign in again with `warden login`")
      }
      return nil
    } catch let error as OAuthError where error.kind == .invalidClient {
      fail(.invalid, error.description)
      return nil
    } catch {
      postpone(error)
      return nil
    }
  }

  /// Twitch could not be reached (or failed): keep the token and try again later.
  func postpone(_ error: any Error) {
    retryAt = clock.now().addingTimeInterval(configuration.retryDelay.timeInterval)
    message = "Twitch could not be reached to check the token; retrying (\(error))"
    logger.warning("twitch token check postponed", metadata: ["auth.error": "\(error)"])
  }
}
