import WardenProtocol

/// The values the `event-*.json` golden files hold, written out by hand.
enum GatewayFixtures {
  static let channel = TwitchChannel(id: "12826", login: "streamer_tv")
  static let moderator = TwitchUser(id: "555001", login: "mod_anna", displayName: "Mod_Anna")
  static let viewer = TwitchUser(id: "778899", login: "cool_viewer", displayName: "Cool_Viewer")
  static let twitchTS: Int64 = 1_795_311_310_400

  // MARK: chat

  static let chatMessage = ChatMessageData(
    channel: channel, messageID: "b34ccfc7-4977-403a-8a94-33c6bac34fb8", user: viewer, text: "hi 🚀 Kappa /path",
    isAction: true,
    badges: [
      ChatBadge(setID: "moderator", version: "1"), ChatBadge(setID: "subscriber", version: "12", info: "14"),
    ],
    emotes: [ChatEmote(id: "25", start: 5, end: 10)], bits: 100, color: "#1E90FF",
    reply: ChatReply(
      parentMessageID: "a1b2c3d4-0000-4000-8000-000000000001",
      parentUser: TwitchUser(id: "424242", login: "uber_fan", displayName: "Über_Fan"),
      parentText: "who wants a \"rocket\"? 🚀", threadMessageID: "a1b2c3d4-0000-4000-8000-000000000000",
      threadUser: TwitchUser(id: "424240", login: "thread_starter")),
    isFirstMessage: false, isReturningChatter: true,
    sharedChat: SharedChatSource(
      channelID: "99001", messageID: "c0ffee00-1111-4222-8333-444455556666",
      badges: [ChatBadge(setID: "vip", version: "1")]),
    source: .both, twitchTS: twitchTS)

  static let chatDelete = ChatDeleteData(
    channel: channel, messageID: "b34ccfc7-4977-403a-8a94-33c6bac34fb8", user: TwitchUser(login: "spam_bot_9"),
    text: "buy followers at example.com/x", moderator: moderator, source: .both, twitchTS: twitchTS)

  static let chatClear = ChatClearData(channel: channel, source: .irc, twitchTS: twitchTS)

  // MARK: mod

  static let modBan = ModBanData(
    channel: channel, user: TwitchUser(id: "990011", login: "spam_bot_9", displayName: "Spam_Bot_9"),
    moderator: moderator, reason: "link spam: \"free followers\" → 🚫", source: .both, twitchTS: twitchTS)

  static let modTimeout = ModTimeoutData(
    channel: channel, user: viewer, durationS: 600, endsAt: twitchTS + 600_000, source: .irc, twitchTS: twitchTS)

  static let modUnban = ModUnbanData(
    channel: channel, user: viewer, moderator: moderator, wasTimeout: true, source: .eventsub, twitchTS: twitchTS)

  static let modWarn = ModWarnData(
    channel: channel, user: viewer, moderator: moderator, reason: "caps", chatRulesCited: ["No spam", "Be kind"],
    source: .eventsub, twitchTS: twitchTS)

  static let modMode = ModModeData(
    channel: channel, mode: .followers, enabled: true, durationS: 600, moderator: moderator, source: .both,
    twitchTS: twitchTS)

  static let autoModHeld = AutoModHeldData(
    channel: channel, messageID: "d00d0000-aaaa-4bbb-8ccc-dddddddddddd", user: viewer, text: "you are all terrible",
    reason: "automod", category: "aggressive", level: 3, source: .eventsub, twitchTS: twitchTS)

  static let autoModResolved = AutoModResolvedData(
    channel: channel, messageID: "d00d0000-aaaa-4bbb-8ccc-dddddddddddd", user: viewer, status: .denied,
    moderator: moderator, source: .eventsub, twitchTS: twitchTS + 5000)

  // MARK: channel

  static let channelOnline = ChannelOnlineData(
    channel: channel, streamID: "40144520000", kind: "live", source: .eventsub, twitchTS: 1_795_311_300_000)

  static let channelOffline = ChannelOfflineData(channel: channel, source: .eventsub)

  static let channelRaid = ChannelRaidData(
    channel: channel, from: TwitchUser(id: "31337", login: "bigstreamer", displayName: "BigStreamer"), viewers: 1234,
    source: .irc, twitchTS: twitchTS)

  static let channelSub = ChannelSubData(
    channel: channel, kind: .gift, messageID: "e1e1e1e1-2222-4333-8444-555566667777",
    user: TwitchUser(id: "123123", login: "generous_one", displayName: "Generous_One"), tier: "1000", months: 1,
    recipient: viewer, source: .irc, twitchTS: twitchTS)

  static let channelFollow = ChannelFollowData(channel: channel, user: viewer, source: .eventsub, twitchTS: twitchTS)

  // MARK: sys

  static let connection = ConnectionData(
    transport: .eventsub, connection: 0, state: .reconnecting, sessionID: "AQoQexAWVYKSTIu4ec_2VAxyuhAB",
    channels: ["streamer_tv", "other_channel"], reason: "close 4000: internal server error", retryInMS: 2000)

  static let authRevoked = AuthData(
    user: TwitchUser(id: "700700", login: "warden_bot", displayName: "Warden_Bot"),
    scopes: ["moderator:manage:banned_users", "user:read:chat"], message: "authorization revoked by the user")
}
