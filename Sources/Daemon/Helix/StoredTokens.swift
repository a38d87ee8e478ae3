/// The content of `tokens.json`: the user token and, optionally, the app token.
public struct StoredTokens: Codable, Sendable, Hashable {
  /// The file format's version.
  public var version: Int
  /// The user token Warden acts with.
  public var user: OAuthToken?
  /// The app token (client credentials), if one was fetched.
  public var app: OAuthToken?

  /// The tokens to store.
  public init(user: OAuthToken? = nil, app: OAuthToken? = nil) {
    self.version = 1
    self.user = user
    self.app = app
  }

  /// Whether there is nothing to keep.
  public var isEmpty: Bool { user == nil && app == nil }
}
