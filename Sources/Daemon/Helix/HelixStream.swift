import Foundation

/// A live stream from `GET streams`.
public struct HelixStream: Sendable, Hashable, Decodable {
  /// The stream's id.
  public var id: String
  /// The broadcaster's id.
  public var userID: String
  /// The broadcaster's login.
  public var userLogin: String
  /// The broadcaster's display name.
  public var userName: String
  /// The category id.
  public var gameID: String
  /// The category.
  public var gameName: String
  /// The stream's title.
  public var title: String
  /// Viewers now.
  public var viewerCount: Int
  /// When the stream went live.
  public var startedAt: Date?
  /// The stream's language (ISO 639-1).
  public var language: String

  enum CodingKeys: String, CodingKey {
    case id, title, language
    case userID = "user_id"
    case userLogin = "user_login"
    case userName = "user_name"
    case gameID = "game_id"
    case gameName = "game_name"
    case viewerCount = "viewer_count"
    case startedAt = "started_at"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    userID = try container.decode(String.self, forKey: .userID)
    userLogin = try container.decode(String.self, forKey: .userLogin)
    userName = try container.decodeIfPresent(String.self, forKey: .userName) ?? userLogin
    gameID = try container.decodeIfPresent(String.self, forKey: .gameID) ?? ""
    gameName = try container.decodeIfPresent(String.self, forKey: .gameName) ?? ""
    title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
    viewerCount = try container.decodeIfPresent(Int.self, forKey: .viewerCount) ?? 0
    startedAt = container.helixDate(.startedAt)
    language = try container.decodeIfPresent(String.self, forKey: .language) ?? ""
  }
}
