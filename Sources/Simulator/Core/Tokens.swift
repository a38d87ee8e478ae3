import Foundation

/// A registered application (a client id).
public struct SimApp: Sendable, Hashable, Codable {
  public var clientID: String
  /// Confidential clients have a secret; public ones (device flow) do not and their refresh
  /// tokens rotate on every use.
  public var clientSecret: String?
  public var name: String

  public var isPublic: Bool { clientSecret == nil }

  public init(clientID: String, clientSecret: String?, name: String) {
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.name = name
  }
}

/// An OAuth access token (user or app) and its refresh token.
public struct SimToken: Sendable, Hashable, Codable {
  public var accessToken: String
  public var refreshToken: String?
  public var clientID: String
  /// `nil` for app access tokens.
  public var userID: String?
  public var scopes: [String]
  public var issuedAt: Date
  public var expiresAt: Date
  public var revoked: Bool

  public var isAppToken: Bool { userID == nil }

  public func isValid(at now: Date) -> Bool { !revoked && now < expiresAt }

  public func has(scope: String) -> Bool { scopes.contains(scope) }
}

/// A device code flow in progress.
public struct SimDeviceCode: Sendable, Hashable, Codable {
  public var deviceCode: String
  /// What the user types at the verification page, e.g. `ABCDEFGH`.
  public var userCode: String
  public var clientID: String
  public var scopes: [String]
  public var expiresAt: Date
  /// Seconds the client must wait between polls.
  public var interval: Int
  public var approvedUserID: String?
  public var denied: Bool
  /// Set once the tokens were handed out; the code cannot be used again.
  public var redeemed: Bool
}

/// An authorization code waiting to be exchanged.
public struct SimAuthorizationCode: Sendable, Hashable, Codable {
  public var code: String
  public var clientID: String
  public var userID: String
  public var scopes: [String]
  public var redirectURI: String
  public var expiresAt: Date
}
