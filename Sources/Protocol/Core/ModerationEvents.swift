/// `data` of `mod.ban`: a user banned from the channel, by anyone (IRC `CLEARCHAT` without
/// `ban-duration`, EventSub `channel.moderate` `ban` or `channel.ban`).
public struct ModBanData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The banned user.
  public var user: TwitchUser
  /// The moderator who acted; `nil` when Twitch does not say (IRC never does).
  public var moderator: TwitchUser?
  /// The reason given, if any.
  public var reason: String?
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, user: TwitchUser, moderator: TwitchUser? = nil, reason: String? = nil, source: EventSource,
    twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.user = user
    self.moderator = moderator
    self.reason = reason
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case user
    case moderator
    case reason
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(user, forKey: .user)
    try container.encode(moderator, forKey: .moderator)
    try container.encode(reason, forKey: .reason)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// `data` of `mod.timeout`: a user timed out (IRC `CLEARCHAT` with `ban-duration`, EventSub
/// `channel.moderate` `timeout`).
public struct ModTimeoutData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The user timed out.
  public var user: TwitchUser
  /// The moderator who acted; `nil` when Twitch does not say (IRC never does).
  public var moderator: TwitchUser?
  /// The reason given, if any.
  public var reason: String?
  /// The timeout's length in seconds.
  public var durationS: Int
  /// When it ends, ms since the Unix epoch, when Twitch says.
  public var endsAt: Int64?
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, user: TwitchUser, moderator: TwitchUser? = nil, reason: String? = nil, durationS: Int,
    endsAt: Int64? = nil, source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.user = user
    self.moderator = moderator
    self.reason = reason
    self.durationS = durationS
    self.endsAt = endsAt
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case user
    case moderator
    case reason
    case durationS = "duration_s"
    case endsAt = "ends_at"
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(user, forKey: .user)
    try container.encode(moderator, forKey: .moderator)
    try container.encode(reason, forKey: .reason)
    try container.encode(durationS, forKey: .durationS)
    try container.encode(endsAt, forKey: .endsAt)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// `data` of `mod.unban`: a ban or timeout lifted (EventSub only: `channel.moderate` `unban` or `untimeout`,
/// `channel.unban`).
public struct ModUnbanData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The user whose ban or timeout was lifted.
  public var user: TwitchUser
  /// The moderator who acted; `nil` when Twitch does not say (IRC never does).
  public var moderator: TwitchUser?
  /// Whether a timeout was lifted (`untimeout`) rather than a ban.
  public var wasTimeout: Bool
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, user: TwitchUser, moderator: TwitchUser? = nil, wasTimeout: Bool = false,
    source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.user = user
    self.moderator = moderator
    self.wasTimeout = wasTimeout
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case user
    case moderator
    case wasTimeout = "was_timeout"
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(user, forKey: .user)
    try container.encode(moderator, forKey: .moderator)
    try container.encode(wasTimeout, forKey: .wasTimeout)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// `data` of `mod.warn`: a user warned (EventSub `channel.moderate` `warn`, `channel.warning.send`).
public struct ModWarnData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The warned user.
  public var user: TwitchUser
  /// The moderator who acted; `nil` when Twitch does not say (IRC never does).
  public var moderator: TwitchUser?
  /// The reason given, if any.
  public var reason: String?
  /// The channel's chat rules the moderator cited.
  public var chatRulesCited: [String]
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, user: TwitchUser, moderator: TwitchUser? = nil, reason: String? = nil,
    chatRulesCited: [String] = [], source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.user = user
    self.moderator = moderator
    self.reason = reason
    self.chatRulesCited = chatRulesCited
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case user
    case moderator
    case reason
    case chatRulesCited = "chat_rules_cited"
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(user, forKey: .user)
    try container.encode(moderator, forKey: .moderator)
    try container.encode(reason, forKey: .reason)
    try container.encode(chatRulesCited, forKey: .chatRulesCited)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// A chat setting that `mod.mode` reports.
public enum ChatMode: String, Sendable, Hashable, Codable, CaseIterable {
  /// Slow mode: a wait between a user's messages.
  case slow
  /// Followers-only: only users who followed for a while may chat.
  case followers
  /// Subscribers-only.
  case subs
  /// Emote-only.
  case emoteOnly = "emote_only"
  /// Unique chat (r9k): no repeated messages.
  case uniqueChat = "unique_chat"
}

/// `data` of `mod.mode`: a chat setting switched on, off or changed (IRC `ROOMSTATE`, EventSub
/// `channel.moderate` `slow`, `slowoff`, `followers`, `followersoff`, `subscribers`, ...).
public struct ModModeData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The setting.
  public var mode: ChatMode
  /// Whether it is now on.
  public var enabled: Bool
  /// For `slow`, the wait between messages; for `followers`, how long a user must have
  /// followed (Twitch counts minutes: 60 × minutes). `nil` for the other modes and when off.
  public var durationS: Int?
  /// The moderator who acted; `nil` when Twitch does not say (IRC never does).
  public var moderator: TwitchUser?
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, mode: ChatMode, enabled: Bool = false, durationS: Int? = nil, moderator: TwitchUser? = nil,
    source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.mode = mode
    self.enabled = enabled
    self.durationS = durationS
    self.moderator = moderator
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case mode
    case enabled
    case durationS = "duration_s"
    case moderator
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(mode, forKey: .mode)
    try container.encode(enabled, forKey: .enabled)
    try container.encode(durationS, forKey: .durationS)
    try container.encode(moderator, forKey: .moderator)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}
