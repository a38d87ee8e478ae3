import Foundation
import TwitchSimCore

/// `channel.moderate` v2, `channel.ban`, `channel.unban`, `channel.chat.clear_user_messages`,
/// `channel.warning.send`.
extension EventSubRenderer {
  /// Every action object of `channel.moderate` v2, in Twitch's order; all but the one for the
  /// action are `null`.
  static let moderateActionKeys = [
    "followers", "slow", "vip", "unvip", "mod", "unmod", "ban", "unban", "timeout", "untimeout", "raid", "unraid",
    "delete", "automod_terms", "unban_request", "warn", "shared_chat_ban", "shared_chat_unban",
    "shared_chat_timeout", "shared_chat_untimeout", "shared_chat_delete",
  ]

  /// A `channel.moderate` v2 event; `detail` fills the member named after the action.
  func moderate(_ broadcaster: SimUser, _ moderator: SimUser, action: String, detail: EventSubJSON?)
    -> RenderedEvent
  {
    Self.event(
      "channel.moderate", "2", broadcaster: broadcaster,
      Self.user("broadcaster_user", broadcaster)
        + members([
          "source_broadcaster_user_id": .null, "source_broadcaster_user_login": .null,
          "source_broadcaster_user_name": .null,
        ]) + Self.user("moderator_user", moderator) + members(["action": .string(action)])
        + Self.moderateActionKeys.map { EventSubJSON.Member(key: $0, value: $0 == action ? detail ?? .null : .null) })
  }

  mutating func userBanned(
    _ broadcaster: SimUser, _ user: SimUser, _ moderator: SimUser, _ reason: String, _ duration: Int?
  ) -> [RenderedEvent] {
    let record = world.channel(broadcaster.id)?.bans[user.id]
    let bannedAt = record?.createdAt ?? world.now()
    let endsAt = duration.map { record?.expiresAt ?? bannedAt.addingTimeInterval(Double($0)) }
    if duration == nil {
      timedOut.remove(Self.key(broadcaster.id, user.id))
    } else {
      timedOut.insert(Self.key(broadcaster.id, user.id))
    }
    let action =
      endsAt.map {
        moderate(
          broadcaster, moderator, action: "timeout",
          detail: userObject(user, ["reason": .string(reason), "expires_at": .timestamp($0)]))
      } ?? moderate(broadcaster, moderator, action: "ban", detail: userObject(user, ["reason": .string(reason)]))
    return [
      Self.event(
        "channel.ban", broadcaster: broadcaster,
        Self.user("user", user) + Self.user("broadcaster_user", broadcaster) + Self.user("moderator_user", moderator)
          + members([
            "reason": .string(reason),
            "banned_at": .timestamp(bannedAt),
            "ends_at": endsAt.map { .timestamp($0) } ?? .null,
            "is_permanent": .bool(duration == nil),
          ])),
      Self.event(
        "channel.chat.clear_user_messages", broadcaster: broadcaster,
        Self.userNameFirst("broadcaster_user", broadcaster) + Self.userNameFirst("target_user", user)),
      action,
    ]
  }

  /// An unban; of a timed-out user, `channel.moderate` calls it `untimeout`.
  mutating func userUnbanned(_ broadcaster: SimUser, _ user: SimUser, _ moderator: SimUser) -> [RenderedEvent] {
    let wasTimeout = timedOut.remove(Self.key(broadcaster.id, user.id)) != nil
    return [
      Self.event(
        "channel.unban", broadcaster: broadcaster,
        Self.user("user", user) + Self.user("broadcaster_user", broadcaster) + Self.user("moderator_user", moderator)),
      moderate(broadcaster, moderator, action: wasTimeout ? "untimeout" : "unban", detail: userObject(user)),
    ]
  }

  func userWarned(_ broadcaster: SimUser, _ user: SimUser, _ moderator: SimUser, _ reason: String) -> [RenderedEvent] {
    [
      Self.event(
        "channel.warning.send", broadcaster: broadcaster,
        Self.user("broadcaster_user", broadcaster) + Self.user("moderator_user", moderator) + Self.user("user", user)
          + members(["reason": .string(reason), "chat_rules_cited": .null])),
      moderate(
        broadcaster, moderator, action: "warn",
        detail: userObject(user, ["reason": .string(reason), "chat_rules_cited": .null])),
    ]
  }

  /// One `channel.moderate` action per chat mode that changed since the last settings seen.
  mutating func settingsChanged(_ broadcaster: SimUser, _ new: ChatSettings, _ moderator: SimUser) -> [RenderedEvent] {
    let old = settings[broadcaster.id] ?? ChatSettings()
    settings[broadcaster.id] = new
    return Self.moderationActions(from: old, to: new).map {
      moderate(broadcaster, moderator, action: $0.action, detail: $0.detail)
    }
  }

  /// The `channel.moderate` actions that take chat from `old` to `new` settings.
  static func moderationActions(from old: ChatSettings, to new: ChatSettings) -> [(
    action: String, detail: EventSubJSON?
  )] {
    var actions: [(action: String, detail: EventSubJSON?)] = []
    if old.emoteMode != new.emoteMode { actions.append((new.emoteMode ? "emoteonly" : "emoteonlyoff", nil)) }
    if old.followerModeDuration != new.followerModeDuration {
      actions.append(
        new.followerModeDuration.map { ("followers", .object(["follow_duration_minutes": .int($0)])) }
          ?? ("followersoff", nil))
    }
    if old.slowModeWaitTime != new.slowModeWaitTime {
      actions.append(
        new.slowModeWaitTime.map { ("slow", .object(["wait_time_seconds": .int($0)])) } ?? ("slowoff", nil))
    }
    if old.subscriberMode != new.subscriberMode {
      actions.append((new.subscriberMode ? "subscribers" : "subscribersoff", nil))
    }
    if old.uniqueChatMode != new.uniqueChatMode {
      actions.append((new.uniqueChatMode ? "uniquechat" : "uniquechatoff", nil))
    }
    return actions
  }
}
