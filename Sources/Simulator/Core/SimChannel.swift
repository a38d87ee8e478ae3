import Foundation

/// A channel's state.
public struct SimChannel: Sendable, Hashable {
  public var broadcasterID: String
  public var stream: SimStream?
  public var title = ""
  public var gameID = "509658"
  public var gameName = "Just Chatting"
  public var language = "en"
  public var settings = ChatSettings()
  public var moderators: Set<String> = []
  public var vips: Set<String> = []
  /// Subscribers and their cumulative months.
  public var subscriberMonths: [String: Int] = [:]
  public var followers: [String: Date] = [:]
  /// Bans and timeouts in force, by user id (expired timeouts are dropped lazily).
  public var bans: [String: SimBan] = [:]
  public var blockedTerms: [SimBlockedTerm] = []
  /// Words that make AutoMod hold a message (lowercased).
  public var automodTerms: Set<String> = []
  /// Users whose messages EventSub reports as suspicious, with their status
  /// (`active_monitoring` or `restricted`).
  public var suspiciousUsers: [String: String] = [:]
  public var shieldMode = false
  /// Users in chat now (IRC membership, or who spoke recently).
  public var chatters: Set<String> = []
  /// Everyone who ever chatted here, with their last message time.
  public var lastMessageAt: [String: Date] = [:]
  /// Messages by id, for deletion and replies.
  public var messages: [String: ChatMessage] = [:]
  /// Held AutoMod messages by id.
  public var held: [String: HeldMessage] = [:]

  public init(broadcasterID: String) {
    self.broadcasterID = broadcasterID
  }

  public var isLive: Bool { stream != nil }

  /// The ban or timeout in force for a user at `now`.
  public func ban(of userID: String, at now: Date) -> SimBan? {
    guard let ban = bans[userID] else { return nil }
    if let expiry = ban.expiresAt, expiry <= now { return nil }
    return ban
  }
}
