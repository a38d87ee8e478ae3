import Foundation
import TwitchSimCore

/// The world's values in Helix's JSON shapes.
enum HelixJSON {
  /// Twitch's default avatar for accounts that never uploaded one.
  static let defaultProfileImage =
    "https://static-cdn.jtvnw.net/user-default-pictures-uv/cdd517fe-def4-11e9-948e-784f43822e80-profile_image-300x300.png"

  /// A `users` entry.
  static func user(_ user: SimUser) -> JSONParam {
    [
      "id": .string(user.id), "login": .string(user.login), "display_name": .string(user.displayName),
      "type": .string(user.type), "broadcaster_type": .string(user.broadcasterType),
      "description": .string(user.description), "profile_image_url": .string(defaultProfileImage),
      "offline_image_url": "", "view_count": 0, "created_at": .string(HelixTime.string(user.createdAt)),
    ]
  }

  /// `{user_id, user_login, user_name}` (chatters, moderators, VIPs), optionally with a prefix
  /// (`broadcaster_`, `moderator_`).
  static func identity(_ user: SimUser, as prefix: String = "user") -> [String: JSONParam] {
    [
      "\(prefix)_id": .string(user.id), "\(prefix)_login": .string(user.login),
      "\(prefix)_name": .string(user.displayName),
    ]
  }

  static func stream(_ stream: SimStream, of user: SimUser) -> JSONParam {
    var object = identity(user)
    object.merge([
      "id": .string(stream.id), "game_id": .string(stream.gameID), "game_name": .string(stream.gameName),
      "type": "live", "title": .string(stream.title), "tags": [], "tag_ids": [],
      "viewer_count": .int(Int64(stream.viewerCount)), "started_at": .string(HelixTime.string(stream.startedAt)),
      "language": .string(stream.language),
      "thumbnail_url": .string(
        "https://static-cdn.jtvnw.net/previews-ttv/live_user_\(user.login)-{width}x{height}.jpg"),
      "is_mature": false,
    ]) { first, _ in first }
    return .object(object)
  }

  /// A `chat/settings` entry; the moderator-only fields only for a moderator's request.
  static func settings(_ settings: ChatSettings, broadcasterID: String, moderatorID: String?) -> JSONParam {
    var object: [String: JSONParam] = [
      "broadcaster_id": .string(broadcasterID), "emote_mode": .bool(settings.emoteMode),
      "follower_mode": .bool(settings.followerModeDuration != nil),
      "follower_mode_duration": optional(settings.followerModeDuration),
      "slow_mode": .bool(settings.slowModeWaitTime != nil), "slow_mode_wait_time": optional(settings.slowModeWaitTime),
      "subscriber_mode": .bool(settings.subscriberMode), "unique_chat_mode": .bool(settings.uniqueChatMode),
    ]
    if let moderatorID {
      object["moderator_id"] = .string(moderatorID)
      object["non_moderator_chat_delay"] = .bool(settings.nonModeratorChatDelayDuration != nil)
      object["non_moderator_chat_delay_duration"] = optional(settings.nonModeratorChatDelayDuration)
    }
    return .object(object)
  }

  static func blockedTerm(_ term: SimBlockedTerm, broadcasterID: String) -> JSONParam {
    [
      "broadcaster_id": .string(broadcasterID), "moderator_id": .string(term.moderatorID), "id": .string(term.id),
      "text": .string(term.text), "created_at": .string(HelixTime.string(term.createdAt)),
      "updated_at": .string(HelixTime.string(term.createdAt)),
      "expires_at": term.expiresAt.map { .string(HelixTime.string($0)) } ?? .null,
    ]
  }

  static func subscription(_ subscription: EventSubSubscription, connectedAt: Date?) -> JSONParam {
    var transport: [String: JSONParam] = ["method": "websocket", "session_id": .string(subscription.sessionID)]
    if let connectedAt { transport["connected_at"] = .string(HelixTime.fractional(connectedAt)) }
    return [
      "id": .string(subscription.id), "status": .string(subscription.status), "type": .string(subscription.type),
      "version": .string(subscription.version),
      "condition": .object(subscription.condition.mapValues { .string($0) }),
      "created_at": .string(HelixTime.fractional(subscription.createdAt)), "transport": .object(transport),
      "cost": .int(Int64(subscription.cost)),
    ]
  }

  static func optional(_ value: Int?) -> JSONParam {
    value.map { .int(Int64($0)) } ?? .null
  }
}
