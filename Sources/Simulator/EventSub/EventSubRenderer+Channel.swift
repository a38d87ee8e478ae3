import Foundation
import TwitchSimCore

/// `stream.online`, `stream.offline`, `channel.raid`, `channel.follow` v2.
extension EventSubRenderer {
  func streamOnline(_ broadcaster: SimUser, _ stream: SimStream) -> RenderedEvent {
    Self.event(
      "stream.online", broadcaster: broadcaster,
      members(["id": .string(stream.id)]) + Self.user("broadcaster_user", broadcaster)
        + members(["type": "live", "started_at": .timestamp(stream.startedAt)]))
  }

  func streamOffline(_ broadcaster: SimUser) -> RenderedEvent {
    Self.event("stream.offline", broadcaster: broadcaster, Self.user("broadcaster_user", broadcaster))
  }

  /// Matches subscriptions on either end: `from_broadcaster_user_id` or `to_broadcaster_user_id`.
  func raid(_ from: SimUser, _ to: SimUser, _ viewers: Int) -> RenderedEvent {
    RenderedEvent(
      type: "channel.raid", version: "1",
      facts: ["from_broadcaster_user_id": from.id, "to_broadcaster_user_id": to.id],
      event: .members(
        Self.user("from_broadcaster_user", from) + Self.user("to_broadcaster_user", to)
          + members(["viewers": .int(viewers)])))
  }

  func follow(_ user: SimUser, _ broadcaster: SimUser, _ at: Date) -> RenderedEvent {
    Self.event(
      "channel.follow", "2", broadcaster: broadcaster,
      Self.user("user", user) + Self.user("broadcaster_user", broadcaster) + members(["followed_at": .timestamp(at)]))
  }
}
