import Foundation

/// A Twitch account.
public struct SimUser: Sendable, Hashable, Codable {
  /// Numeric, as a string, as Twitch gives it.
  public var id: String
  /// Lowercase `[a-z0-9_]`.
  public var login: String
  public var displayName: String
  /// The account's creation time (Helix `created_at`).
  public var createdAt: Date
  /// `""`, `"staff"`, `"admin"` or `"global_mod"`.
  public var type: String
  /// `""`, `"affiliate"` or `"partner"`.
  public var broadcasterType: String
  public var description: String
  /// Chat colour `#RRGGBB`, or `nil` when the user never chose one.
  public var color: String?

  public init(
    id: String, login: String, displayName: String, createdAt: Date, type: String = "", broadcasterType: String = "",
    description: String = "", color: String? = nil
  ) {
    self.id = id
    self.login = login
    self.displayName = displayName
    self.createdAt = createdAt
    self.type = type
    self.broadcasterType = broadcasterType
    self.description = description
    self.color = color
  }
}

/// What a user is in a channel, highest first.
public enum ChatRole: String, Sendable, Codable, Comparable, CaseIterable {
  case broadcaster, moderator, vip, subscriber, viewer

  private var rank: Int {
    switch self {
    case .broadcaster: 4
    case .moderator: 3
    case .vip: 2
    case .subscriber: 1
    case .viewer: 0
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

  /// Moderators and the broadcaster are privileged (no slow mode, higher IRC limits).
  public var isPrivileged: Bool { self == .broadcaster || self == .moderator }
}

/// A chat badge as IRC writes it (`name/version`).
public struct SimBadge: Sendable, Hashable, Codable {
  public var setID: String
  public var version: String
  /// `badge-info` value for this badge, e.g. the months for `subscriber`.
  public var info: String?

  public init(setID: String, version: String, info: String? = nil) {
    self.setID = setID
    self.version = version
    self.info = info
  }
}

/// A channel's chat settings (Helix `chat/settings`, IRC ROOMSTATE).
public struct ChatSettings: Sendable, Hashable, Codable {
  public var emoteMode = false
  /// Minutes a follower must have followed; `nil` when follower mode is off.
  public var followerModeDuration: Int?
  /// Seconds between messages; `nil` when slow mode is off.
  public var slowModeWaitTime: Int?
  public var subscriberMode = false
  public var uniqueChatMode = false
  /// Seconds non-moderators' messages are delayed; `nil` when off.
  public var nonModeratorChatDelayDuration: Int?

  public init() {}
}

/// A live broadcast.
public struct SimStream: Sendable, Hashable, Codable {
  public var id: String
  public var startedAt: Date
  public var title: String
  public var gameID: String
  public var gameName: String
  public var language: String
  public var viewerCount: Int

  public init(
    id: String, startedAt: Date, title: String, gameID: String, gameName: String, language: String,
    viewerCount: Int
  ) {
    self.id = id
    self.startedAt = startedAt
    self.title = title
    self.gameID = gameID
    self.gameName = gameName
    self.language = language
    self.viewerCount = viewerCount
  }
}

/// A ban or a timeout in force.
public struct SimBan: Sendable, Hashable, Codable {
  public var userID: String
  public var moderatorID: String
  public var reason: String
  public var createdAt: Date
  /// `nil` for a permanent ban.
  public var expiresAt: Date?
}

/// A blocked term of a channel.
public struct SimBlockedTerm: Sendable, Hashable, Codable {
  public var id: String
  public var text: String
  public var moderatorID: String
  public var createdAt: Date
  public var expiresAt: Date?
}

/// An emote occurrence in a message: positions count Unicode scalars, both ends inclusive.
public struct EmoteRange: Sendable, Hashable, Codable {
  public var id: String
  public var name: String
  public var start: Int
  public var end: Int

  public init(id: String, name: String, start: Int, end: Int) {
    self.id = id
    self.name = name
    self.start = start
    self.end = end
  }
}

/// A chat message as the world keeps it.
public struct ChatMessage: Sendable, Hashable, Codable {
  public var id: String
  public var channelID: String
  public var userID: String
  public var text: String
  public var sentAt: Date
  /// `/me` action.
  public var isAction: Bool
  public var bits: Int
  public var replyParentID: String?
  /// The user's first message ever in this channel.
  public var firstMessage: Bool
  /// The user chatted before, but not recently (Twitch's `returning-chatter`).
  public var returningChatter: Bool
  public var emotes: [EmoteRange]
  public var deleted: Bool

  public init(
    id: String, channelID: String, userID: String, text: String, sentAt: Date, isAction: Bool = false, bits: Int = 0,
    replyParentID: String? = nil, firstMessage: Bool = false, returningChatter: Bool = false,
    emotes: [EmoteRange] = [], deleted: Bool = false
  ) {
    self.id = id
    self.channelID = channelID
    self.userID = userID
    self.text = text
    self.sentAt = sentAt
    self.isAction = isAction
    self.bits = bits
    self.replyParentID = replyParentID
    self.firstMessage = firstMessage
    self.returningChatter = returningChatter
    self.emotes = emotes
    self.deleted = deleted
  }
}
