import WardenProtocol

/// One event the gateway publishes, with its typed payload.
public enum GatewayEvent: Sendable, Hashable {
  case chatMessage(ChatMessageData)
  case chatDelete(ChatDeleteData)
  case chatClear(ChatClearData)
  case ban(ModBanData)
  case timeout(ModTimeoutData)
  case unban(ModUnbanData)
  case warn(ModWarnData)
  case mode(ModModeData)
  case autoModHeld(AutoModHeldData)
  case autoModResolved(AutoModResolvedData)
  case online(ChannelOnlineData)
  case offline(ChannelOfflineData)
  case raid(ChannelRaidData)
  case sub(ChannelSubData)
  case follow(ChannelFollowData)

  /// The event's type on the bus.
  public var type: EventType {
    switch self {
    case .chatMessage: .chatMessage
    case .chatDelete: .chatDelete
    case .chatClear: .chatClear
    case .ban: .modBan
    case .timeout: .modTimeout
    case .unban: .modUnban
    case .warn: .modWarn
    case .mode: .modMode
    case .autoModHeld: .modAutoModHeld
    case .autoModResolved: .modAutoModResolved
    case .online: .channelOnline
    case .offline: .channelOffline
    case .raid: .channelRaid
    case .sub: .channelSub
    case .follow: .channelFollow
    }
  }

  /// The channel the event belongs to.
  public var channel: TwitchChannel {
    switch self {
    case .chatMessage(let data): data.channel
    case .chatDelete(let data): data.channel
    case .chatClear(let data): data.channel
    case .ban(let data): data.channel
    case .timeout(let data): data.channel
    case .unban(let data): data.channel
    case .warn(let data): data.channel
    case .mode(let data): data.channel
    case .autoModHeld(let data): data.channel
    case .autoModResolved(let data): data.channel
    case .online(let data): data.channel
    case .offline(let data): data.channel
    case .raid(let data): data.channel
    case .sub(let data): data.channel
    case .follow(let data): data.channel
    }
  }

  /// The JSON of `data`: what `WireCoding.encode` gives. `chat.message`, by far the most frequent
  /// event, is written by hand (`ChatMessageData.jsonBytes`, the same bytes many times faster).
  public func encodedData() throws -> [UInt8] {
    switch self {
    case .chatMessage(let data): data.jsonBytes
    case .chatDelete(let data): try WireCoding.encode(data)
    case .chatClear(let data): try WireCoding.encode(data)
    case .ban(let data): try WireCoding.encode(data)
    case .timeout(let data): try WireCoding.encode(data)
    case .unban(let data): try WireCoding.encode(data)
    case .warn(let data): try WireCoding.encode(data)
    case .mode(let data): try WireCoding.encode(data)
    case .autoModHeld(let data): try WireCoding.encode(data)
    case .autoModResolved(let data): try WireCoding.encode(data)
    case .online(let data): try WireCoding.encode(data)
    case .offline(let data): try WireCoding.encode(data)
    case .raid(let data): try WireCoding.encode(data)
    case .sub(let data): try WireCoding.encode(data)
    case .follow(let data): try WireCoding.encode(data)
    }
  }
}
