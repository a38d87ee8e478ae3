/// `data` of `chat.delete`: one message deleted (IRC `CLEARMSG`, EventSub `channel.chat.message_delete`
/// or `channel.moderate` `delete`).
public struct ChatDeleteData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The deleted message's id.
  public var messageID: String
  /// Who wrote the message.
  public var user: TwitchUser
  /// The deleted text, when Twitch reports it.
  public var text: String?
  /// The moderator who acted; `nil` when Twitch does not say (IRC never does).
  public var moderator: TwitchUser?
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, messageID: String, user: TwitchUser, text: String? = nil, moderator: TwitchUser? = nil,
    source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.messageID = messageID
    self.user = user
    self.text = text
    self.moderator = moderator
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case messageID = "message_id"
    case user
    case text
    case moderator
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
    try container.encode(moderator, forKey: .moderator)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// `data` of `chat.clear`: the whole chat cleared (`/clear`; IRC `CLEARCHAT` without a user, EventSub
/// `channel.chat.clear` or `channel.moderate` `clear`).
public struct ChatClearData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The moderator who acted; `nil` when Twitch does not say (IRC never does).
  public var moderator: TwitchUser?
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, moderator: TwitchUser? = nil, source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.moderator = moderator
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case moderator
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(moderator, forKey: .moderator)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}
