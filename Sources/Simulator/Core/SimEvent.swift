import Foundation

/// A chat message with everything a surface needs to render it, captured when it was sent.
public struct ChatMessageEvent: Sendable, Hashable {
  public var message: ChatMessage
  public var sender: SimUser
  public var broadcaster: SimUser
  public var role: ChatRole
  /// Badges in display order (broadcaster/moderator/vip, subscriber, others).
  public var badges: [SimBadge]
  /// The message being replied to, with its author, when this is a reply.
  public var replyParent: (message: ChatMessage, sender: SimUser)?

  public init(
    message: ChatMessage, sender: SimUser, broadcaster: SimUser, role: ChatRole, badges: [SimBadge],
    replyParent: (message: ChatMessage, sender: SimUser)?
  ) {
    self.message = message
    self.sender = sender
    self.broadcaster = broadcaster
    self.role = role
    self.badges = badges
    self.replyParent = replyParent
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.message == rhs.message && lhs.sender == rhs.sender && lhs.broadcaster == rhs.broadcaster
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(message) }
}

/// A USERNOTICE: subscription, resubscription, raid, announcement, gift…
public struct UserNoticeEvent: Sendable, Hashable {
  /// IRC `msg-id`: `sub`, `resub`, `raid`, `announcement`, `submysterygift`, …
  public var kind: String
  public var user: SimUser
  public var broadcaster: SimUser
  public var badges: [SimBadge]
  /// `msg-param-*` tags without the prefix, e.g. `cumulative-months`, `sub-plan`, `viewerCount`.
  public var params: [String: String]
  /// Twitch's `system-msg`.
  public var systemMessage: String
  /// The user's own text, if any.
  public var text: String?
  public var id: String
  public var sentAt: Date

  public init(
    kind: String, user: SimUser, broadcaster: SimUser, badges: [SimBadge], params: [String: String],
    systemMessage: String, text: String?, id: String, sentAt: Date
  ) {
    self.kind = kind
    self.user = user
    self.broadcaster = broadcaster
    self.badges = badges
    self.params = params
    self.systemMessage = systemMessage
    self.text = text
    self.id = id
    self.sentAt = sentAt
  }
}

/// A message AutoMod held for review.
public struct HeldMessage: Sendable, Hashable, Codable {
  public var id: String
  public var channelID: String
  public var userID: String
  public var text: String
  public var heldAt: Date
  /// `"automod"` (category and level) or `"blocked_term"`.
  public var reason: String
  public var category: String
  public var level: Int
  /// The blocked terms found, when `reason` is `blocked_term`.
  public var blockedTermIDs: [String]
  /// `nil` while pending; then `approved`, `denied` or `expired`.
  public var status: String?
}

/// Something that happened in the simulated Twitch. Every surface (IRC, EventSub) subscribes
/// to the hub and renders the events in its own format.
public enum SimEvent: Sendable {
  case chatMessage(ChatMessageEvent)
  /// One message removed (Helix delete or `/delete`).
  case messageDeleted(broadcaster: SimUser, message: ChatMessage, sender: SimUser, moderator: SimUser)
  /// The whole chat cleared.
  case chatCleared(broadcaster: SimUser, moderator: SimUser)
  /// A ban (`durationSeconds == nil`) or a timeout.
  case userBanned(broadcaster: SimUser, user: SimUser, moderator: SimUser, reason: String, durationSeconds: Int?)
  case userUnbanned(broadcaster: SimUser, user: SimUser, moderator: SimUser)
  case userWarned(broadcaster: SimUser, user: SimUser, moderator: SimUser, reason: String)
  case chatSettingsChanged(broadcaster: SimUser, settings: ChatSettings, moderator: SimUser?)
  /// A role change a moderator made (`mod`, `unmod`, `vip`, `unvip`), for `channel.moderate`.
  case roleChanged(broadcaster: SimUser, user: SimUser, moderator: SimUser, action: String)
  case shieldMode(broadcaster: SimUser, moderator: SimUser, active: Bool)
  case userNotice(UserNoticeEvent)
  case raid(from: SimUser, to: SimUser, viewers: Int)
  case follow(user: SimUser, broadcaster: SimUser, at: Date)
  case streamOnline(broadcaster: SimUser, stream: SimStream)
  case streamOffline(broadcaster: SimUser)
  case automodHeld(HeldMessage, sender: SimUser, broadcaster: SimUser)
  case automodResolved(HeldMessage, sender: SimUser, broadcaster: SimUser, moderator: SimUser?)
  /// A message from a user flagged as suspicious (monitored or restricted).
  case suspiciousMessage(ChatMessageEvent, lowTrustStatus: String)
  /// A NOTICE to the clients of one channel (for example after a failed command).
  case notice(channelLogin: String, msgID: String, text: String)
  /// A token was revoked: connections and subscriptions that use it end.
  case tokenRevoked(SimToken)
  /// Faults injected through the control API.
  case fault(SimFault)
}

/// Faults the control API can inject into the connection-oriented surfaces.
public enum SimFault: Sendable, Hashable {
  /// Send RECONNECT to every IRC client, then close them after a grace period.
  case ircReconnect
  /// Close every IRC connection at once, without a word.
  case ircDrop
  /// Send `session_reconnect` to every EventSub session.
  case eventSubReconnect
  /// Close every EventSub connection with the given close code (4000–4007, or 1006 for none).
  case eventSubDrop(closeCode: Int)
  /// Deliver the next `count` EventSub notifications twice.
  case eventSubDuplicate(count: Int)
}
