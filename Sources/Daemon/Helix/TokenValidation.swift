/// What Twitch's `validate` says about an access token.
public struct TokenValidation: Sendable, Hashable, Decodable {
  /// The client the token was issued to.
  public var clientID: String
  /// The account's login; `nil` for app tokens.
  public var login: String?
  /// The account's id; `nil` for app tokens.
  public var userID: String?
  /// The scopes granted.
  public var scopes: [String]
  /// Seconds the token has left (0 for the rare token that never expires).
  public var expiresIn: Int

  /// A validation result.
  public init(clientID: String, login: String?, userID: String?, scopes: [String], expiresIn: Int) {
    self.clientID = clientID
    self.login = login
    self.userID = userID
    self.scopes = scopes
    self.expiresIn = expiresIn
  }

  enum CodingKeys: String, CodingKey {
    case clientID = "client_id"
    case login
    case userID = "user_id"
    case scopes
    case expiresIn = "expires_in"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    clientID = try container.decode(String.self, forKey: .clientID)
    login = try container.decodeIfPresent(String.self, forKey: .login)
    userID = try container.decodeIfPresent(String.self, forKey: .userID)
    scopes = try container.decodeIfPresent([String].self, forKey: .scopes) ?? []
    expiresIn = try container.decodeIfPresent(Int.self, forKey: .expiresIn) ?? 0
  }
}
