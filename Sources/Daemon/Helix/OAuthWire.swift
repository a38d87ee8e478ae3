/// The identity server's JSON bodies, as Twitch sends them.
enum OAuthWire {
  /// `POST /device`.
  struct DeviceResponse: Decodable {
    var deviceCode: String
    var userCode: String
    var verificationURI: String
    var expiresIn: Int
    var interval: Int?

    enum CodingKeys: String, CodingKey {
      case deviceCode = "device_code"
      case userCode = "user_code"
      case verificationURI = "verification_uri"
      case expiresIn = "expires_in"
      case interval
    }
  }

  /// `POST /token`, every grant.
  struct TokenResponse: Decodable {
    var accessToken: String
    var refreshToken: String?
    var expiresIn: Int?
    var scopes: [String]?

    enum CodingKeys: String, CodingKey {
      case accessToken = "access_token"
      case refreshToken = "refresh_token"
      case expiresIn = "expires_in"
      case scope
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      accessToken = try container.decode(String.self, forKey: .accessToken)
      refreshToken = try container.decodeIfPresent(String.self, forKey: .refreshToken)
      expiresIn = try container.decodeIfPresent(Int.self, forKey: .expiresIn)
      // Twitch sends a list; RFC 6749 a space-separated string. Take either.
      if let list = try? container.decodeIfPresent([String].self, forKey: .scope) {
        scopes = list
      } else if let text = try? container.decodeIfPresent(String.self, forKey: .scope) {
        scopes = text.split(separator: " ").map(String.init)
      }
    }
  }

  /// `{"status":400,"message":"…"}`, with `error` on some answers.
  struct ErrorBody: Decodable {
    var status: Int?
    var message: String?
    var error: String?
  }
}
