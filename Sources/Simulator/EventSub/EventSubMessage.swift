import Foundation
import TwitchSimCore

/// The five messages of Twitch's EventSub WebSocket protocol, as the JSON text sent in one
/// text frame: `metadata` then `payload`, keys in Twitch's order.
enum EventSubMessage {
  static func welcome(_ session: EventSubSession, at now: Date) -> String {
    envelope("session_welcome", at: now, payload: .object(["session": sessionObject(session, reconnectURL: nil)]))
  }

  static func keepalive(at now: Date) -> String {
    envelope("session_keepalive", at: now, payload: .object([:]))
  }

  /// `session_reconnect`: status `reconnecting`, no keepalive, the URL to move to.
  static func reconnect(_ session: EventSubSession, url: String, at now: Date) -> String {
    envelope("session_reconnect", at: now, payload: .object(["session": sessionObject(session, reconnectURL: url)]))
  }

  /// A notification; `messageID` is reused when Twitch delivers the same one twice.
  static func notification(
    messageID: String, subscription: EventSubSubscription, event: EventSubJSON, at now: Date
  ) -> String {
    envelope(
      "notification", id: messageID, at: now, subscription: subscription,
      payload: .object(["subscription": subscriptionObject(subscription), "event": event]))
  }

  /// A revocation: the subscription (with its new status) and no event.
  static func revocation(_ subscription: EventSubSubscription, at now: Date) -> String {
    envelope(
      "revocation", at: now, subscription: subscription,
      payload: .object(["subscription": subscriptionObject(subscription)]))
  }

  /// The `subscription` object of notifications and revocations.
  static func subscriptionObject(_ subscription: EventSubSubscription) -> EventSubJSON {
    .object([
      "id": .string(subscription.id),
      "status": .string(subscription.status),
      "type": .string(subscription.type),
      "version": .string(subscription.version),
      "condition": condition(subscription),
      "transport": .object(["method": "websocket", "session_id": .string(subscription.sessionID)]),
      "created_at": .timestamp(subscription.createdAt),
      "cost": .int(subscription.cost),
    ])
  }

  /// The condition in the catalog's key order, then any other keys sorted.
  private static func condition(_ subscription: EventSubSubscription) -> EventSubJSON {
    let known = EventSubCatalog.type(subscription.type, version: subscription.version)?.conditionKeys ?? []
    let keys =
      known.filter { subscription.condition[$0] != nil }
      + subscription.condition.keys.filter { !known.contains($0) }.sorted()
    return .members(keys.map { .init(key: $0, value: .string(subscription.condition[$0]!)) })
  }

  private static func sessionObject(_ session: EventSubSession, reconnectURL: String?) -> EventSubJSON {
    .object([
      "id": .string(session.id),
      "status": .string(reconnectURL == nil ? "connected" : "reconnecting"),
      "connected_at": .timestamp(session.connectedAt),
      "keepalive_timeout_seconds": reconnectURL == nil ? .int(session.keepaliveSeconds) : .null,
      "reconnect_url": .string(reconnectURL),
      "recovery_url": .null,
    ])
  }

  private static func envelope(
    _ type: String, id: String = SimIDs.uuid(), at now: Date, subscription: EventSubSubscription? = nil,
    payload: EventSubJSON
  ) -> String {
    var metadata: [EventSubJSON.Member] = [
      .init(key: "message_id", value: .string(id)),
      .init(key: "message_type", value: .string(type)),
      .init(key: "message_timestamp", value: .timestamp(now)),
    ]
    if let subscription {
      metadata.append(.init(key: "subscription_type", value: .string(subscription.type)))
      metadata.append(.init(key: "subscription_version", value: .string(subscription.version)))
    }
    return EventSubJSON.object(["metadata": .members(metadata), "payload": payload]).text
  }
}
