/// Where `HelixClient` gets its bearer token. `TokenManager` is one (the user token);
/// `AppTokenSource` gives the app token.
public protocol HelixTokenSource: Sendable {
  /// The token to send, or `nil` when there is none (not signed in, or no longer valid).
  func accessToken() async -> String?

  /// Helix answered 401 to `failedToken`: refresh it and return the new token, or `nil` when
  /// that is impossible. Concurrent calls share one refresh; when the token has already
  /// changed since `failedToken`, the current one comes back at once.
  func refreshAfterUnauthorized(failedToken: String) async -> String?
}
