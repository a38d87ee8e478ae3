/// `data` of `chat.message`: one chat message (an IRC `PRIVMSG` with all its tags, or EventSub
/// `channel.chat.message`).
public struct ChatMessageData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// Twitch's message id (IRC tag `id`).
  public var messageID: String
  /// Who wrote the message.
  public var user: TwitchUser
  /// The text; for a `/me` action, without the `ACTION` wrapper.
  public var text: String
  /// Whether the message was sent with `/me`.
  public var isAction: Bool
  /// The chatter's badges in Twitch's order.
  public var badges: [ChatBadge]
  /// The emotes in `text`, ordered by position.
  public var emotes: [ChatEmote]
  /// Bits cheered with the message; `nil` when none.
  public var bits: Int?
  /// The name colour as `#RRGGBB`; `nil` when the user never chose one.
  public var color: String?
  /// The message this one answers, when it is a reply.
  public var reply: ChatReply?
  /// The user's first message ever in this channel (IRC `first-msg=1`).
  public var isFirstMessage: Bool
  /// Twitch flags the user as a returning chatter (IRC `returning-chatter=1`).
  public var isReturningChatter: Bool
  /// Where the message was written when it reached this channel through a shared chat session.
  public var sharedChat: SharedChatSource?
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, messageID: String, user: TwitchUser, text: String, isAction: Bool = false,
    badges: [ChatBadge] = [], emotes: [ChatEmote] = [], bits: Int? = nil, color: String? = nil, reply: ChatReply? = nil,
    isFirstMessage: Bool = false, isReturningChatter: Bool = false, sharedChat: SharedChatSource? = nil,
    source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.messageID = messageID
    self.user = user
    self.text = text
    self.isAction = isAction
    self.badges = badges
    self.emotes = emotes
    self.bits = bits
    self.color = color
    self.reply = reply
    self.isFirstMessage = isFirstMessage
    self.isReturningChatter = isReturningChatter
    self.sharedChat = sharedChat
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case messageID = "message_id"
    case user
    case text
    case isAction = "is_action"
    case badges
    case emotes
    case bits
    case color
    case reply
    case isFirstMessage = "is_first_message"
    case isReturningChatter = "is_returning_chatter"
    case sharedChat = "shared_chat"
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(messageID, forKey: .messageID)
    try container.encode(user, forKey: .user)
    try container.encode(text, forKey: .text)
    try container.encode(isAction, forKey: .isAction)
    try container.encode(badges, forKey: .badges)
    try container.encode(emotes, forKey: .emotes)
    try container.encode(bits, forKey: .bits)
    try container.encode(color, forKey: .color)
    try container.encode(reply, forKey: .reply)
    try container.encode(isFirstMessage, forKey: .isFirstMessage)
    try container.encode(isReturningChatter, forKey: .isReturningChatter)
    try container.encode(sharedChat, forKey: .sharedChat)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// One chat badge: IRC `badges` gives set and version, `badge-info` the detail.
public struct ChatBadge: Sendable, Hashable, Codable {
  /// The badge set (`moderator`, `subscriber`, `bits`, ...).
  public var setID: String
  /// The version within the set (`1`, `3012`, ...).
  public var version: String
  /// The detail, when Twitch gives one (`badge-info`: subscribed months for `subscriber`).
  public var info: String?

  public init(
    setID: String, version: String, info: String? = nil
  ) {
    self.setID = setID
    self.version = version
    self.info = info
  }

  enum CodingKeys: String, CodingKey {
    case setID = "set_id"
    case version
    case info
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(setID, forKey: .setID)
    try container.encode(version, forKey: .version)
    try container.encode(info, forKey: .info)
  }
}

/// One emote occurrence in a message's text.
///
/// Positions count Unicode scalars (Swift's `String.unicodeScalars`, Twitch's IRC positions), not
/// UTF-8 bytes or UTF-16 units; the range is half-open: `end` is one past the last scalar, where
/// IRC's `emotes` tag names the last scalar itself.
public struct ChatEmote: Sendable, Hashable, Codable {
  /// Twitch's emote id.
  public var id: String
  /// Offset of the emote's first Unicode scalar in `text`.
  public var start: Int
  /// Offset one past its last Unicode scalar.
  public var end: Int

  public init(
    id: String, start: Int, end: Int
  ) {
    self.id = id
    self.start = start
    self.end = end
  }

  enum CodingKeys: String, CodingKey {
    case id
    case start
    case end
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(start, forKey: .start)
    try container.encode(end, forKey: .end)
  }
}

/// The messages a reply answers: its direct parent and the top of the thread.
public struct ChatReply: Sendable, Hashable, Codable {
  /// The message answered (`reply-parent-msg-id`).
  public var parentMessageID: String
  /// Who wrote it.
  public var parentUser: TwitchUser
  /// Its text, as Twitch quotes it (`reply-parent-msg-body`).
  public var parentText: String?
  /// The first message of the thread (`reply-thread-parent-msg-id`).
  public var threadMessageID: String?
  /// Who wrote the thread's first message.
  public var threadUser: TwitchUser?

  public init(
    parentMessageID: String, parentUser: TwitchUser, parentText: String? = nil, threadMessageID: String? = nil,
    threadUser: TwitchUser? = nil
  ) {
    self.parentMessageID = parentMessageID
    self.parentUser = parentUser
    self.parentText = parentText
    self.threadMessageID = threadMessageID
    self.threadUser = threadUser
  }

  enum CodingKeys: String, CodingKey {
    case parentMessageID = "parent_message_id"
    case parentUser = "parent_user"
    case parentText = "parent_text"
    case threadMessageID = "thread_message_id"
    case threadUser = "thread_user"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(parentMessageID, forKey: .parentMessageID)
    try container.encode(parentUser, forKey: .parentUser)
    try container.encode(parentText, forKey: .parentText)
    try container.encode(threadMessageID, forKey: .threadMessageID)
    try container.encode(threadUser, forKey: .threadUser)
  }
}

/// The origin of a message that came through a shared chat session.
public struct SharedChatSource: Sendable, Hashable, Codable {
  /// The channel where it was written (`source-room-id`).
  public var channelID: String
  /// Its message id in that channel (`source-id`).
  public var messageID: String
  /// The chatter's badges in that channel (`source-badges`, `source-badge-info`).
  public var badges: [ChatBadge]

  public init(
    channelID: String, messageID: String, badges: [ChatBadge] = []
  ) {
    self.channelID = channelID
    self.messageID = messageID
    self.badges = badges
  }

  enum CodingKeys: String, CodingKey {
    case channelID = "channel_id"
    case messageID = "message_id"
    case badges
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channelID, forKey: .channelID)
    try container.encode(messageID, forKey: .messageID)
    try container.encode(badges, forKey: .badges)
  }
}
