import Foundation
import WardenProtocol

/// Turns EventSub notifications into gateway events.
public enum EventSubEventMapper {
  /// The subscription types the gateway maps, with their versions.
  public static let moderationTypes: [(type: String, version: String)] = [
    ("channel.moderate", "2"), ("automod.message.hold", "2"), ("automod.message.update", "2"),
    ("channel.follow", "2"),
  ]
  public static let broadcasterTypes: [(type: String, version: String)] = [
    ("stream.online", "1"), ("stream.offline", "1"),
  ]

  /// Decodes `payload.event` of a notification of `type` and maps it; unknown types and events
  /// without a broadcaster give no events.
  public static func events(type: String, event bytes: [UInt8], timestamp: String?) throws -> [GatewayEvent] {
    let event = try JSONDecoder().decode(EventSubEvent.self, from: Data(bytes))
    return events(type: type, event: event, ts: RFC3339.milliseconds(timestamp))
  }

  static func events(type: String, event: EventSubEvent, ts: Int64?) -> [GatewayEvent] {
    guard let broadcaster = event.person("broadcaster_user") else { return [] }
    let channel = TwitchChannel(id: broadcaster.id, login: broadcaster.login)
    switch type {
    case "channel.moderate":
      return moderate(event, channel: channel, ts: ts)
    case "automod.message.hold":
      guard let user = event.person("user"), let messageID = event.messageID else { return [] }
      let terms = event.blockedTerm?.termsFound?.map(\.termID) ?? []
      return [
        .autoModHeld(
          AutoModHeldData(
            channel: channel, messageID: messageID, user: twitchUser(user), text: event.message?.text ?? "",
            reason: event.reason ?? "automod", category: event.automod?.category, level: event.automod?.level,
            blockedTerms: terms, source: .eventsub, twitchTS: RFC3339.milliseconds(event.heldAt) ?? ts))
      ]
    case "automod.message.update":
      guard let user = event.person("user"), let messageID = event.messageID,
        let status = event.status.flatMap({ AutoModStatus(rawValue: $0.lowercased()) })
      else { return [] }
      return [
        .autoModResolved(
          AutoModResolvedData(
            channel: channel, messageID: messageID, user: twitchUser(user), status: status,
            moderator: event.person("moderator_user").map(twitchUser), source: .eventsub, twitchTS: ts))
      ]
    case "channel.follow":
      guard let user = event.person("user") else { return [] }
      return [
        .follow(
          ChannelFollowData(
            channel: channel, user: twitchUser(user), source: .eventsub,
            twitchTS: RFC3339.milliseconds(event.followedAt) ?? ts))
      ]
    case "stream.online":
      return [
        .online(
          ChannelOnlineData(
            channel: channel, streamID: event.id, kind: event.type ?? "live", source: .eventsub,
            twitchTS: RFC3339.milliseconds(event.startedAt) ?? ts))
      ]
    case "stream.offline":
      return [.offline(ChannelOfflineData(channel: channel, source: .eventsub, twitchTS: ts))]
    default:
      return []
    }
  }

  /// `channel.moderate` v2: one action per notification.
  static func moderate(_ event: EventSubEvent, channel: TwitchChannel, ts: Int64?) -> [GatewayEvent] {
    let moderator = event.person("moderator_user").map(twitchUser)
    guard let action = event.action else { return [] }
    let target = event.targets[action]
    let user = target?.user.map(twitchUser)
    func mode(_ mode: ChatMode, _ enabled: Bool, _ durationS: Int? = nil) -> [GatewayEvent] {
      [
        .mode(
          ModModeData(
            channel: channel, mode: mode, enabled: enabled, durationS: durationS, moderator: moderator,
            source: .eventsub, twitchTS: ts))
      ]
    }
    switch action {
    case "ban":
      guard let user else { return [] }
      return [
        .ban(
          ModBanData(
            channel: channel, user: user, moderator: moderator, reason: nonEmptyOptional(target?.reason),
            source: .eventsub, twitchTS: ts))
      ]
    case "timeout":
      guard let user else { return [] }
      let endsAt = RFC3339.milliseconds(target?.expiresAt)
      let duration = endsAt.flatMap { end in ts.map { Int((end - $0 + 500) / 1000) } } ?? 0
      return [
        .timeout(
          ModTimeoutData(
            channel: channel, user: user, moderator: moderator, reason: nonEmptyOptional(target?.reason),
            durationS: max(duration, 0), endsAt: endsAt, source: .eventsub, twitchTS: ts))
      ]
    case "unban", "untimeout":
      guard let user else { return [] }
      return [
        .unban(
          ModUnbanData(
            channel: channel, user: user, moderator: moderator, wasTimeout: action == "untimeout", source: .eventsub,
            twitchTS: ts))
      ]
    case "warn":
      guard let user else { return [] }
      return [
        .warn(
          ModWarnData(
            channel: channel, user: user, moderator: moderator, reason: nonEmptyOptional(target?.reason),
            chatRulesCited: target?.chatRulesCited ?? [], source: .eventsub, twitchTS: ts))
      ]
    case "delete":
      guard let user, let messageID = target?.messageID else { return [] }
      return [
        .chatDelete(
          ChatDeleteData(
            channel: channel, messageID: messageID, user: user, text: target?.messageBody, moderator: moderator,
            source: .eventsub, twitchTS: ts))
      ]
    case "clear":
      return [.chatClear(ChatClearData(channel: channel, moderator: moderator, source: .eventsub, twitchTS: ts))]
    case "slow": return mode(.slow, true, target?.waitTimeSeconds)
    case "slowoff": return mode(.slow, false)
    case "followers": return mode(.followers, true, (target?.followDurationMinutes ?? 0) * 60)
    case "followersoff": return mode(.followers, false)
    case "subscribers": return mode(.subs, true)
    case "subscribersoff": return mode(.subs, false)
    case "emoteonly": return mode(.emoteOnly, true)
    case "emoteonlyoff": return mode(.emoteOnly, false)
    case "uniquechat": return mode(.uniqueChat, true)
    case "uniquechatoff": return mode(.uniqueChat, false)
    default: return []
    }
  }

  static func twitchUser(_ person: EventSubEvent.Person) -> TwitchUser {
    TwitchUser(id: person.id, login: person.login, displayName: person.name.flatMap(nonEmpty))
  }

  static func nonEmptyOptional(_ value: String?) -> String? { value.flatMap(nonEmpty) }
}
