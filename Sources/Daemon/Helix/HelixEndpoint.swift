/// A Helix endpoint: its method, its path under `/helix` and what it does in a moderator's
/// words. Errors and logs name endpoints by method and path only, never by a full URL.
public struct HelixEndpoint: Sendable, Hashable, CustomStringConvertible {
  /// `GET`, `POST`, `PATCH`, `PUT` or `DELETE`.
  public let method: String
  /// The path under the Helix base URL, e.g. `moderation/bans`.
  public let path: String
  /// What the call does, to complete "Twitch refused …", e.g. `the ban`.
  public let action: String

  /// An endpoint; `action` completes "Twitch refused …".
  public init(_ method: String, _ path: String, action: String) {
    self.method = method
    self.path = path
    self.action = action
  }

  /// `POST /moderation/bans`.
  public var description: String { "\(method) /\(path)" }

  /// `GET users`.
  public static let users = HelixEndpoint("GET", "users", action: "the user lookup")
  /// `GET streams`.
  public static let streams = HelixEndpoint("GET", "streams", action: "the stream lookup")
  /// `POST moderation/bans`.
  public static let banUser = HelixEndpoint("POST", "moderation/bans", action: "the ban")
  /// `DELETE moderation/bans`.
  public static let unbanUser = HelixEndpoint("DELETE", "moderation/bans", action: "the unban")
  /// `DELETE moderation/chat`.
  public static let deleteChatMessages = HelixEndpoint("DELETE", "moderation/chat", action: "the deletion")
  /// `POST moderation/warnings`.
  public static let warnUser = HelixEndpoint("POST", "moderation/warnings", action: "the warning")
  /// `PATCH chat/settings`.
  public static let updateChatSettings = HelixEndpoint(
    "PATCH", "chat/settings", action: "the chat settings change")
  /// `PUT moderation/shield_mode`.
  public static let updateShieldMode = HelixEndpoint(
    "PUT", "moderation/shield_mode", action: "the shield mode change")
  /// `POST chat/messages`.
  public static let sendChatMessage = HelixEndpoint("POST", "chat/messages", action: "the chat message")
  /// `POST eventsub/subscriptions`.
  public static let createEventSubSubscription = HelixEndpoint(
    "POST", "eventsub/subscriptions", action: "the EventSub subscription")
  /// `DELETE eventsub/subscriptions`.
  public static let deleteEventSubSubscription = HelixEndpoint(
    "DELETE", "eventsub/subscriptions", action: "the EventSub unsubscription")
}
