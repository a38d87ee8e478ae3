import Foundation

/// An OAuth access token with what Warden knows about it: its refresh token, scopes, expiry
/// and, once validated, the account it belongs to. Its description and debug description
/// never show the access or refresh token.
public struct OAuthToken: Codable, Sendable, Hashable {
  /// Whether the token acts for a user or for the application alone.
  public enum Kind: String, Codable, Sendable, Hashable {
    /// A user access token: chat, moderation, EventSub over WebSocket.
    case user
    /// An app access token (client credentials): public data only.
    case app
  }

  /// The bearer token.
  public var accessToken: String
  /// `nil` for app tokens. Device-flow refresh tokens are single use: every refresh returns a new one.
  public var refreshToken: String?
  /// The scopes granted.
  public var scopes: [String]
  /// When the access token expires, ms since the Unix epoch; `nil` when unknown.
  public var expiresAt: Int64?
  /// The account's id, known after validation.
  public var userID: String?
  /// The account's login, known after validation.
  public var login: String?
  /// User or app token.
  public var kind: Kind

  /// A token; `userID` and `login` are filled in by validation.
  public init(
    accessToken: String, refreshToken: String? = nil, scopes: [String] = [], expiresAt: Int64? = nil,
    userID: String? = nil, login: String? = nil, kind: Kind = .user
  ) {
    self.accessToken = accessToken
    self.refreshToken = refreshToken
    self.scopes = scopes
    self.expiresAt = expiresAt
    self.userID = userID
    self.login = login
    self.kind = kind
  }

  enum CodingKeys: String, CodingKey {
    case accessToken = "access_token"
    case refreshToken = "refresh_token"
    case scopes
    case expiresAt = "expires_at"
    case userID = "user_id"
    case login
    case kind
  }

  /// The expiry as a date, if known.
  public var expiryDate: Date? {
    expiresAt.map { Date(timeIntervalSince1970: Double($0) / 1000) }
  }

  /// Whether the token has expired at `now`, or will within `margin`. Unknown expiry: never.
  public func isExpired(at now: Date, margin: Duration = .zero) -> Bool {
    guard let expiry = expiryDate else { return false }
    return now.addingTimeInterval(margin.timeInterval) >= expiry
  }
}

extension OAuthToken: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  /// The kind, account, scopes and expiry; the tokens themselves are redacted.
  public var description: String {
    var parts = ["\(kind)"]
    if let login { parts.append("login: \(login)") }
    if let userID { parts.append("userID: \(userID)") }
    parts.append("scopes: \(scopes)")
    if let expiresAt { parts.append("expiresAt: \(expiresAt)") }
    parts.append("accessToken: \(Redacted.text)")
    if refreshToken != nil { parts.append("refreshToken: \(Redacted.text)") }
    return "OAuthToken(\(parts.joined(separator: ", ")))"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "kind": kind, "login": login as Any, "userID": userID as Any, "scopes": scopes, "expiresAt": expiresAt as Any,
        "accessToken": Redacted.text, "refreshToken": refreshToken == nil ? "none" : Redacted.text,
      ])
  }
}
