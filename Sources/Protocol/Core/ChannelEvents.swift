/// `data` of `channel.online`: the channel went live (EventSub `stream.online`).
public struct ChannelOnlineData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// Twitch's id of the broadcast.
  public var streamID: String?
  /// Twitch's stream type: `live`, `playlist`, `watch_party`, `premiere`, `rerun`.
  public var kind: String
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// When the broadcast started, ms since the Unix epoch.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, streamID: String? = nil, kind: String, source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.streamID = streamID
    self.kind = kind
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case streamID = "stream_id"
    case kind
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(streamID, forKey: .streamID)
    try container.encode(kind, forKey: .kind)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// `data` of `channel.offline`: the channel stopped broadcasting (EventSub `stream.offline`).
public struct ChannelOfflineData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// `data` of `channel.raid`: another channel raided this one (IRC `USERNOTICE` `msg-id=raid`, EventSub
/// `channel.raid`).
public struct ChannelRaidData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The raiding channel's broadcaster.
  public var from: TwitchUser
  /// How many viewers came along.
  public var viewers: Int
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, from: TwitchUser, viewers: Int, source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.from = from
    self.viewers = viewers
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case from
    case viewers
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(from, forKey: .from)
    try container.encode(viewers, forKey: .viewers)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// Which kind of subscription event `channel.sub` reports.
public enum SubKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A new subscription.
  case sub
  /// A subscription renewed and shared in chat.
  case resub
  /// One subscription given to `recipient`.
  case gift
  /// Several subscriptions given to the community at once (`gift_count`).
  case communityGift = "community_gift"
}

/// `data` of `channel.sub`: a subscription, renewal or gift (IRC `USERNOTICE` `sub`, `resub`,
/// `subgift`, `submysterygift`; EventSub `channel.subscribe`, `channel.subscription.message`,
/// `channel.subscription.gift`).
public struct ChannelSubData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// Which event.
  public var kind: SubKind
  /// The id of the chat notice, when it came through chat.
  public var messageID: String?
  /// The subscriber; for gifts, the giver (Twitch's `ananonymousgifter` when anonymous).
  public var user: TwitchUser
  /// Whether the giver of a gift chose to stay anonymous.
  public var isAnonymous: Bool
  /// `1000`, `2000`, `3000` or `prime`.
  public var tier: String
  /// Cumulative months subscribed, when reported.
  public var months: Int?
  /// Consecutive months, when the user shares them.
  public var streakMonths: Int?
  /// Who received a `gift`.
  public var recipient: TwitchUser?
  /// How many subscriptions a `community_gift` gives.
  public var giftCount: Int?
  /// The message the user shared with a `resub`.
  public var text: String?
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// Twitch's time of the event, ms since the Unix epoch (`tmi-sent-ts` on IRC, the
  /// notification's timestamp on EventSub); `nil` when Twitch gives none.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, kind: SubKind, messageID: String? = nil, user: TwitchUser, isAnonymous: Bool = false,
    tier: String, months: Int? = nil, streakMonths: Int? = nil, recipient: TwitchUser? = nil, giftCount: Int? = nil,
    text: String? = nil, source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.kind = kind
    self.messageID = messageID
    self.user = user
    self.isAnonymous = isAnonymous
    self.tier = tier
    self.months = months
    self.streakMonths = streakMonths
    self.recipient = recipient
    self.giftCount = giftCount
    self.text = text
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case kind
    case messageID = "message_id"
    case user
    case isAnonymous = "is_anonymous"
    case tier
    case months
    case streakMonths = "streak_months"
    case recipient
    case giftCount = "gift_count"
    case text
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(kind, forKey: .kind)
    try container.encode(messageID, forKey: .messageID)
    try container.encode(user, forKey: .user)
    try container.encode(isAnonymous, forKey: .isAnonymous)
    try container.encode(tier, forKey: .tier)
    try container.encode(months, forKey: .months)
    try container.encode(streakMonths, forKey: .streakMonths)
    try container.encode(recipient, forKey: .recipient)
    try container.encode(giftCount, forKey: .giftCount)
    try container.encode(text, forKey: .text)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}

/// `data` of `channel.follow`: a user followed the channel (EventSub `channel.follow` v2).
public struct ChannelFollowData: Sendable, Hashable, Codable {
  /// The channel the event happened in.
  public var channel: TwitchChannel
  /// The new follower.
  public var user: TwitchUser
  /// Which Twitch connection reported the event (`both` after deduplication).
  public var source: EventSource
  /// When the user followed, ms since the Unix epoch.
  public var twitchTS: Int64?

  public init(
    channel: TwitchChannel, user: TwitchUser, source: EventSource, twitchTS: Int64? = nil
  ) {
    self.channel = channel
    self.user = user
    self.source = source
    self.twitchTS = twitchTS
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case user
    case source
    case twitchTS = "twitch_ts"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(channel, forKey: .channel)
    try container.encode(user, forKey: .user)
    try container.encode(source, forKey: .source)
    try container.encode(twitchTS, forKey: .twitchTS)
  }
}
