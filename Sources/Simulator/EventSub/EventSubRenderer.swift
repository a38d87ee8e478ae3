import Foundation
import TwitchSimCore

/// One notification a world event gives rise to: the subscription type and version it is for,
/// the condition values it satisfies, and the `event` object.
struct RenderedEvent: Sendable {
  var type: String
  var version: String
  /// Condition fields this event satisfies (`broadcaster_user_id`, `to_broadcaster_user_id`…).
  var facts: [String: String]
  var event: EventSubJSON

  /// A subscription of the same type and version matches when each of its condition fields
  /// named here has the same value; fields the event does not decide (`user_id`, the reading
  /// user; `moderator_user_id`) do not filter.
  func matches(_ subscription: EventSubSubscription) -> Bool {
    subscription.type == type && subscription.version == version
      && subscription.condition.allSatisfy { key, value in facts[key].map { $0 == value } ?? true }
  }
}

/// Turns `SimEvent`s into EventSub `event` objects, one per subscription type the event
/// concerns (a ban is `channel.ban`, `channel.moderate` and `channel.chat.clear_user_messages`).
/// It remembers what Twitch would know and the event does not carry: which users are timed
/// out (an unban of one is `untimeout`) and each channel's previous chat settings (a settings
/// change is one `channel.moderate` action per mode that changed).
struct EventSubRenderer {
  let world: SimWorld
  var timedOut: Set<String> = []
  var settings: [String: ChatSettings] = [:]

  init(world: SimWorld) {
    self.world = world
    for id in world.channelIDs { settings[id] = world.channel(id)?.settings }
    let now = world.now()
    for id in world.channelIDs {
      for (userID, ban) in world.channel(id)?.bans ?? [:] where ban.expiresAt.map({ $0 > now }) ?? false {
        timedOut.insert(Self.key(id, userID))
      }
    }
  }

  mutating func render(_ event: SimEvent) -> [RenderedEvent] {
    switch event {
    case .chatMessage(let message): [chatMessage(message)]
    case .messageDeleted(let broadcaster, let message, let sender, let moderator):
      messageDeleted(broadcaster, message, sender, moderator)
    case .chatCleared(let broadcaster, let moderator): chatCleared(broadcaster, moderator)
    case .userBanned(let broadcaster, let user, let moderator, let reason, let duration):
      userBanned(broadcaster, user, moderator, reason, duration)
    case .userUnbanned(let broadcaster, let user, let moderator): userUnbanned(broadcaster, user, moderator)
    case .userWarned(let broadcaster, let user, let moderator, let reason):
      userWarned(broadcaster, user, moderator, reason)
    case .chatSettingsChanged(let broadcaster, let settings, let moderator):
      settingsChanged(broadcaster, settings, moderator ?? broadcaster)
    case .roleChanged(let broadcaster, let user, let moderator, let action):
      [moderate(broadcaster, moderator, action: action, detail: userObject(user))]
    case .raid(let from, let to, let viewers): [raid(from, to, viewers)]
    case .follow(let user, let broadcaster, let at): [follow(user, broadcaster, at)]
    case .streamOnline(let broadcaster, let stream): [streamOnline(broadcaster, stream)]
    case .streamOffline(let broadcaster): [streamOffline(broadcaster)]
    case .automodHeld(let held, let sender, let broadcaster): [automodHeld(held, sender, broadcaster)]
    case .automodResolved(let held, let sender, let broadcaster, let moderator):
      [automodResolved(held, sender, broadcaster, moderator)]
    case .suspiciousMessage(let message, let status): [suspiciousMessage(message, status)]
    // Shield mode and USERNOTICEs have their own subscription types, which the catalog does
    // not serve; notices, revocations and faults are not notifications.
    case .shieldMode, .userNotice, .notice, .tokenRevoked, .fault: []
    }
  }

  static func key(_ channelID: String, _ userID: String) -> String { channelID + ":" + userID }

  // MARK: Building blocks

  /// `<prefix>_id`, `<prefix>_login`, `<prefix>_name`: Twitch's usual order.
  static func user(_ prefix: String, _ user: SimUser) -> [EventSubJSON.Member] {
    [
      .init(key: prefix + "_id", value: .string(user.id)),
      .init(key: prefix + "_login", value: .string(user.login)),
      .init(key: prefix + "_name", value: .string(user.displayName)),
    ]
  }

  /// `<prefix>_id`, `<prefix>_name`, `<prefix>_login`: the order of the chat events.
  static func userNameFirst(_ prefix: String, _ user: SimUser) -> [EventSubJSON.Member] {
    [
      .init(key: prefix + "_id", value: .string(user.id)),
      .init(key: prefix + "_name", value: .string(user.displayName)),
      .init(key: prefix + "_login", value: .string(user.login)),
    ]
  }

  /// `{user_id, user_login, user_name}` plus extra members.
  func userObject(_ user: SimUser, _ extra: KeyValuePairs<String, EventSubJSON> = [:]) -> EventSubJSON {
    .members(Self.user("user", user) + extra.map { .init(key: $0.key, value: $0.value) })
  }

  static func event(
    _ type: String, _ version: String = "1", broadcaster: SimUser, _ members: [EventSubJSON.Member]
  ) -> RenderedEvent {
    RenderedEvent(
      type: type, version: version, facts: ["broadcaster_user_id": broadcaster.id], event: .members(members))
  }
}

/// Object members from `(key, value)` pairs, in order, to concatenate with others.
func members(_ pairs: KeyValuePairs<String, EventSubJSON>) -> [EventSubJSON.Member] {
  pairs.map { EventSubJSON.Member(key: $0.key, value: $0.value) }
}
