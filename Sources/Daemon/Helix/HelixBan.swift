import Foundation

/// A ban or timeout Twitch accepted (`POST moderation/bans`).
public struct HelixBan: Sendable, Hashable, Decodable {
  /// The channel.
  public var broadcasterID: String
  /// The moderator who banned.
  public var moderatorID: String
  /// The banned user.
  public var userID: String
  /// When the ban was made.
  public var createdAt: Date?
  /// When a timeout ends; `nil` for a ban.
  public var endTime: Date?

  enum CodingKeys: String, CodingKey {
    case broadcasterID = "broadcaster_id"
    case moderatorID = "moderator_id"
    case userID = "user_id"
    case createdAt = "created_at"
    case endTime = "end_time"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    broadcasterID = try container.decode(String.self, forKey: .broadcasterID)
    moderatorID = try container.decode(String.self, forKey: .moderatorID)
    userID = try container.decode(String.self, forKey: .userID)
    createdAt = container.helixDate(.createdAt)
    endTime = container.helixDate(.endTime)
  }
}
