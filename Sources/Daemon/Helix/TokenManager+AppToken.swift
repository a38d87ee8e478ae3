import Foundation

/// The app access token (client credentials), for confidential clients.
extension TokenManager {
  /// A cached app token, fetched (and saved) when missing or about to expire. Throws
  /// `OAuthError.missingClientSecret` for a public client.
  public func appAccessToken() async throws -> String {
    if let app = tokens.app, !app.isExpired(at: clock.now(), margin: configuration.refreshMargin) {
      return app.accessToken
    }
    if let appTokenTask { return try await appTokenTask.value }
    let task = Task { try await self.fetchAppToken() }
    appTokenTask = task
    return try await task.value
  }

  /// Forgets the app token if it is still `failedToken` (Helix refused it).
  public func discardAppToken(_ failedToken: String) {
    guard tokens.app?.accessToken == failedToken else { return }
    tokens.app = nil
    persist()
  }

  private func fetchAppToken() async throws -> String {
    defer { appTokenTask = nil }
    let token = try await oauth.clientCredentials()
    tokens.app = token
    persist()
    return token.accessToken
  }

  /// The app token as a `HelixTokenSource`.
  public nonisolated var appTokens: AppTokenSource { AppTokenSource(manager: self) }
}

/// The manager's app token for `HelixClient`: a 401 discards it and fetches a new one.
public struct AppTokenSource: HelixTokenSource {
  let manager: TokenManager

  /// The app token, fetched if needed; `nil` when it cannot be had.
  public func accessToken() async -> String? {
    try? await manager.appAccessToken()
  }

  /// Drops the refused app token and fetches a new one.
  public func refreshAfterUnauthorized(failedToken: String) async -> String? {
    await manager.discardAppToken(failedToken)
    return try? await manager.appAccessToken()
  }
}
