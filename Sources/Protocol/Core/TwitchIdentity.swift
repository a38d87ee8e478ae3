/// A Twitch account as events name it: chatter, target of an action, moderator, raider.
public struct TwitchUser: Sendable, Hashable, Codable {
  /// Twitch's user id; `nil` where Twitch gives only the login (IRC `CLEARMSG`).
  public var id: String?
  /// The lowercase login.
  public var login: String
  /// The display name as the user styles it; `nil` when not reported.
  public var displayName: String?

  public init(
    id: String? = nil, login: String, displayName: String? = nil
  ) {
    self.id = id
    self.login = login
    self.displayName = displayName
  }

  enum CodingKeys: String, CodingKey {
    case id
    case login
    case displayName = "display_name"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(login, forKey: .login)
    try container.encode(displayName, forKey: .displayName)
  }
}

/// The channel (broadcaster) an event belongs to.
public struct TwitchChannel: Sendable, Hashable, Codable {
  /// The broadcaster's user id (IRC `room-id`).
  public var id: String
  /// The broadcaster's login, the same as the envelope's `channel` and the topic's last segment.
  public var login: String

  public init(
    id: String, login: String
  ) {
    self.id = id
    self.login = login
  }

  enum CodingKeys: String, CodingKey {
    case id
    case login
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(login, forKey: .login)
  }
}

/// Which Twitch connection reported an event.
public enum EventSource: String, Sendable, Hashable, Codable, CaseIterable {
  /// Twitch chat over IRC.
  case irc
  /// An EventSub notification.
  case eventsub
  /// Seen on both and published once (PROTOCOL.md 7.4).
  case both
}
