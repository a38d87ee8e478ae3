import Foundation

/// A Twitch account from `GET users`.
public struct HelixUser: Sendable, Hashable, Decodable {
  /// The account's id.
  public var id: String
  /// The lowercase login.
  public var login: String
  /// The display name as the user styles it.
  public var displayName: String
  /// `""`, `admin`, `global_mod` or `staff`.
  public var type: String
  /// `""`, `affiliate` or `partner`.
  public var broadcasterType: String
  /// The profile's text.
  public var description: String
  /// The avatar.
  public var profileImageURL: String?
  /// When the account was created; a day-old account in a raid is a signal.
  public var createdAt: Date?

  enum CodingKeys: String, CodingKey {
    case id, login, type, description
    case displayName = "display_name"
    case broadcasterType = "broadcaster_type"
    case profileImageURL = "profile_image_url"
    case createdAt = "created_at"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    login = try container.decode(String.self, forKey: .login)
    displayName = try container.decodeIfPresent(String.self, forKey: .displayName) ?? login
    type = try container.decodeIfPresent(String.self, forKey: .type) ?? ""
    broadcasterType = try container.decodeIfPresent(String.self, forKey: .broadcasterType) ?? ""
    description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
    profileImageURL = try container.decodeIfPresent(String.self, forKey: .profileImageURL)
    createdAt = container.helixDate(.createdAt)
  }
}
