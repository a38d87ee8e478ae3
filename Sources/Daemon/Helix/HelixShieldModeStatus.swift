import Foundation

/// Shield mode's state after `PUT moderation/shield_mode`.
public struct HelixShieldModeStatus: Sendable, Hashable, Decodable {
  /// Whether shield mode is on.
  public var isActive: Bool
  /// Who last activated it, if anyone.
  public var moderatorID: String?
  /// The login of who last activated it.
  public var moderatorLogin: String?
  /// When it was last activated.
  public var lastActivatedAt: Date?

  enum CodingKeys: String, CodingKey {
    case isActive = "is_active"
    case moderatorID = "moderator_id"
    case moderatorLogin = "moderator_login"
    case lastActivatedAt = "last_activated_at"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    isActive = try container.decode(Bool.self, forKey: .isActive)
    let id = try container.decodeIfPresent(String.self, forKey: .moderatorID)
    moderatorID = id?.isEmpty == false ? id : nil
    let login = try container.decodeIfPresent(String.self, forKey: .moderatorLogin)
    moderatorLogin = login?.isEmpty == false ? login : nil
    lastActivatedAt = container.helixDate(.lastActivatedAt)
  }
}
