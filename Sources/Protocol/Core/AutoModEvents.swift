/// `data` of `mod.automod_held`: a message AutoMod (or a blocked term) held for review
/// (EventSub `automod.message.hold`).
public struct AutoModHeldData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The held message's id.
  public var messageID: String
  /// Who wrote it.
  public var user: TwitchUser
  /// The held text.
  public var text: String
  /// Why it was held: `automod` or `blocked_term`.
  public var reason: String
  /// AutoMod's category (`aggressive`, `swearing`, ...), for `automod`.
  public var category: String?
  /// AutoMod's level, 1 to 4, for `automod`.
  public var level: Int?
  /// The blocked terms found, for `blocked_term`.
  public var blockedTerms: [String]
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, messageID: String, user: TwitchUser, text: String, reason: String, category: String? = nil,
    level: Int? = nil, blockedTerms: [String] = [], source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.messageID = messageID
    self.user = user
    self.text = text
    self.reason = reason
    self.category = category
    self.level = level
    self.blockedTerms = blockedTerms
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case messageID = "message_id"
    case user
    case text
    case reason
    case category
    case level
    case blockedTerms = "blocked_terms"
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
    try container.encode(reason, forKey: .reason)
    try container.encode(category, forKey: .category)
    try container.encode(level, forKey: .level)
    try container.encode(blockedTerms, forKey: .blockedTerms)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// How a held message was resolved.
public enum AutoModStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// A moderator let it through.
  case approved
  /// A moderator refused it.
  case denied
  /// Nobody decided in time; it was not posted.
  case expired
}

/// `data` of `mod.automod_resolved`: a held message approved, denied or expired
/// (EventSub `automod.message.update`).
public struct AutoModResolvedData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The held message's id, as in `mod.automod_held`.
  public var messageID: String
  /// Who wrote it.
  public var user: TwitchUser
  /// The outcome.
  public var status: AutoModStatus
  /// The moderator who acted; `nil` when Twitch does not say (IRC never does).
  public var moderator: TwitchUser?
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, messageID: String, user: TwitchUser, status: AutoModStatus, moderator: TwitchUser? = nil,
    source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.messageID = messageID
    self.user = user
    self.status = status
    self.moderator = moderator
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case messageID = "message_id"
    case user
    case status
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
    try container.encode(status, forKey: .status)
    try container.encode(moderator, forKey: .moderator)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}
