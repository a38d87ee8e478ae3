import Foundation

/// The EventSub subscription types the simulator serves: version, the condition fields they
/// require, the scopes (any one of) their authorising token needs, and whether the condition's
/// user must be the token's user (the moderator or broadcaster).
public struct EventSubType: Sendable, Hashable {
  public var name: String
  public var version: String
  public var conditionKeys: [String]
  /// Any one of these scopes authorises the subscription; empty: none needed.
  public var scopes: [String]
  /// The condition key whose user must be the token's user (`moderator_user_id`,
  /// `broadcaster_user_id` or `user_id`), if any.
  public var authorizedUserKey: String?

  public init(name: String, version: String, conditionKeys: [String], scopes: [String], authorizedUserKey: String?) {
    self.name = name
    self.version = version
    self.conditionKeys = conditionKeys
    self.scopes = scopes
    self.authorizedUserKey = authorizedUserKey
  }
}

public enum EventSubCatalog {
  private static let moderation = ["broadcaster_user_id", "moderator_user_id"]

  public static let types: [EventSubType] = [
    .init(
      name: "channel.chat.message", version: "1", conditionKeys: ["broadcaster_user_id", "user_id"],
      scopes: ["user:read:chat"], authorizedUserKey: "user_id"),
    .init(
      name: "channel.chat.message_delete", version: "1", conditionKeys: ["broadcaster_user_id", "user_id"],
      scopes: ["user:read:chat"], authorizedUserKey: "user_id"),
    .init(
      name: "channel.chat.clear", version: "1", conditionKeys: ["broadcaster_user_id", "user_id"],
      scopes: ["user:read:chat"], authorizedUserKey: "user_id"),
    .init(
      name: "channel.chat.clear_user_messages", version: "1", conditionKeys: ["broadcaster_user_id", "user_id"],
      scopes: ["user:read:chat"], authorizedUserKey: "user_id"),
    .init(
      name: "channel.moderate", version: "2", conditionKeys: moderation,
      scopes: [
        "moderator:read:moderators", "moderator:manage:banned_users", "moderator:read:banned_users",
        "moderator:manage:chat_messages", "moderator:read:chat_messages", "moderator:manage:chat_settings",
        "moderator:read:chat_settings", "moderator:manage:warnings", "moderator:read:warnings",
        "moderator:manage:blocked_terms", "moderator:read:blocked_terms", "moderator:read:vips",
        "moderator:manage:unban_requests", "moderator:read:unban_requests",
      ], authorizedUserKey: "moderator_user_id"),
    .init(
      name: "channel.ban", version: "1", conditionKeys: ["broadcaster_user_id"], scopes: ["channel:moderate"],
      authorizedUserKey: "broadcaster_user_id"),
    .init(
      name: "channel.unban", version: "1", conditionKeys: ["broadcaster_user_id"], scopes: ["channel:moderate"],
      authorizedUserKey: "broadcaster_user_id"),
    .init(
      name: "automod.message.hold", version: "2", conditionKeys: moderation, scopes: ["moderator:manage:automod"],
      authorizedUserKey: "moderator_user_id"),
    .init(
      name: "automod.message.update", version: "2", conditionKeys: moderation, scopes: ["moderator:manage:automod"],
      authorizedUserKey: "moderator_user_id"),
    .init(
      name: "channel.suspicious_user.message", version: "1", conditionKeys: moderation,
      scopes: ["moderator:read:suspicious_users"], authorizedUserKey: "moderator_user_id"),
    .init(
      name: "channel.warning.send", version: "1", conditionKeys: moderation,
      scopes: ["moderator:read:warnings", "moderator:manage:warnings"], authorizedUserKey: "moderator_user_id"),
    .init(
      name: "stream.online", version: "1", conditionKeys: ["broadcaster_user_id"], scopes: [],
      authorizedUserKey: nil),
    .init(
      name: "stream.offline", version: "1", conditionKeys: ["broadcaster_user_id"], scopes: [],
      authorizedUserKey: nil),
    .init(
      name: "channel.raid", version: "1", conditionKeys: ["to_broadcaster_user_id"], scopes: [],
      authorizedUserKey: nil),
    .init(
      name: "channel.follow", version: "2", conditionKeys: moderation, scopes: ["moderator:read:followers"],
      authorizedUserKey: "moderator_user_id"),
  ]

  public static func type(_ name: String, version: String) -> EventSubType? {
    types.first { $0.name == name && $0.version == version }
  }
}

/// An EventSub subscription over WebSocket.
public struct EventSubSubscription: Sendable, Hashable, Codable {
  public var id: String
  public var type: String
  public var version: String
  public var condition: [String: String]
  /// The WebSocket session it delivers to.
  public var sessionID: String
  public var clientID: String
  /// The user whose token authorised it (`nil` for app tokens).
  public var userID: String?
  /// `enabled`, `websocket_disconnected`, `authorization_revoked`, `user_removed`, …
  public var status: String
  /// Twitch's cost: 0 when the token's user is the condition's user, else 1.
  public var cost: Int
  public var createdAt: Date

  public init(
    id: String, type: String, version: String, condition: [String: String], sessionID: String, clientID: String,
    userID: String?, status: String, cost: Int, createdAt: Date
  ) {
    self.id = id
    self.type = type
    self.version = version
    self.condition = condition
    self.sessionID = sessionID
    self.clientID = clientID
    self.userID = userID
    self.status = status
    self.cost = cost
    self.createdAt = createdAt
  }
}
