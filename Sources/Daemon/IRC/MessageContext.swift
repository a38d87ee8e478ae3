/// The message a reply answers (`reply-parent-*` tags).
public struct ReplyParent: Sendable, Hashable {
  public var messageID: String
  public var userID: String
  public var login: String
  public var displayName: String
  public var body: String

  public init(messageID: String, userID: String, login: String, displayName: String, body: String) {
    self.messageID = messageID
    self.userID = userID
    self.login = login
    self.displayName = displayName
    self.body = body
  }
}

/// The first message of a reply thread (`reply-thread-parent-*` tags).
public struct ThreadParent: Sendable, Hashable {
  public var messageID: String
  public var login: String

  public init(messageID: String, login: String) {
    self.messageID = messageID
    self.login = login
  }
}

/// The origin of a message in a shared chat session (`source-*` tags).
public struct SharedChatSource: Sendable, Hashable {
  public var roomID: String
  /// The message id in the source channel.
  public var messageID: String
  public var badges: [Badge]
  public var badgeInfo: [Badge]
  /// Whether the message was shown only in the source channel (`source-only`), if known.
  public var isSourceOnly: Bool?

  public init(
    roomID: String, messageID: String, badges: [Badge] = [], badgeInfo: [Badge] = [], isSourceOnly: Bool? = nil
  ) {
    self.roomID = roomID
    self.messageID = messageID
    self.badges = badges
    self.badgeInfo = badgeInfo
    self.isSourceOnly = isSourceOnly
  }
}
