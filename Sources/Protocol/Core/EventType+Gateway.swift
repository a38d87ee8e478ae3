/// The event types of the Twitch gateway (PROTOCOL.md 7.3), each with its `data` type named.
extension EventType {
  /// A chat message: `ChatMessageData`.
  public static let chatMessage = EventType(stream: .chat, name: "message")!
  /// One message deleted: `ChatDeleteData`.
  public static let chatDelete = EventType(stream: .chat, name: "delete")!
  /// The chat cleared: `ChatClearData`.
  public static let chatClear = EventType(stream: .chat, name: "clear")!

  /// A user banned: `ModBanData`.
  public static let modBan = EventType(stream: .mod, name: "ban")!
  /// A user timed out: `ModTimeoutData`.
  public static let modTimeout = EventType(stream: .mod, name: "timeout")!
  /// A ban or timeout lifted: `ModUnbanData`.
  public static let modUnban = EventType(stream: .mod, name: "unban")!
  /// A user warned: `ModWarnData`.
  public static let modWarn = EventType(stream: .mod, name: "warn")!
  /// A chat setting changed: `ModModeData`.
  public static let modMode = EventType(stream: .mod, name: "mode")!
  /// A message held by AutoMod: `AutoModHeldData`.
  public static let modAutoModHeld = EventType(stream: .mod, name: "automod_held")!
  /// A held message approved, denied or expired: `AutoModResolvedData`.
  public static let modAutoModResolved = EventType(stream: .mod, name: "automod_resolved")!

  /// The channel went live: `ChannelOnlineData`.
  public static let channelOnline = EventType(stream: .channel, name: "online")!
  /// The channel went offline: `ChannelOfflineData`.
  public static let channelOffline = EventType(stream: .channel, name: "offline")!
  /// An incoming raid: `ChannelRaidData`.
  public static let channelRaid = EventType(stream: .channel, name: "raid")!
  /// A subscription, renewal or gift: `ChannelSubData`.
  public static let channelSub = EventType(stream: .channel, name: "sub")!
  /// A new follower: `ChannelFollowData`.
  public static let channelFollow = EventType(stream: .channel, name: "follow")!

  /// A gateway connection changed state: `ConnectionData`.
  public static let sysConnection = EventType(stream: .sys, name: "connection")!
  /// The token was refreshed: `AuthData`.
  public static let sysAuthRefreshed = EventType(stream: .sys, name: "auth_refreshed")!
  /// The token expired and could not be refreshed: `AuthData`.
  public static let sysAuthExpired = EventType(stream: .sys, name: "auth_expired")!
  /// The authorization was revoked: `AuthData`.
  public static let sysAuthRevoked = EventType(stream: .sys, name: "auth_revoked")!
  /// Twitch rejects the token: `AuthData`.
  public static let sysAuthInvalid = EventType(stream: .sys, name: "auth_invalid")!

  /// Every type the gateway publishes, in the order of PROTOCOL.md 7.3.
  public static let gatewayTypes: [EventType] = [
    .chatMessage, .chatDelete, .chatClear,
    .modBan, .modTimeout, .modUnban, .modWarn, .modMode, .modAutoModHeld, .modAutoModResolved,
    .channelOnline, .channelOffline, .channelRaid, .channelSub, .channelFollow,
    .sysConnection, .sysAuthRefreshed, .sysAuthExpired, .sysAuthRevoked, .sysAuthInvalid,
  ]
}
