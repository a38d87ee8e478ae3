/// `USERNOTICE`: a subscription, gift, raid, announcement or other channel event.
public struct UserNotice: Sendable, Hashable {
  public var channel: String
  /// The event, typed for the common `msg-id`s.
  public var kind: Kind
  /// The `msg-id` tag as sent, such as `resub`.
  public var msgID: String
  /// The user behind the event.
  public var login: String
  public var displayName: String
  public var userID: String
  public var roomID: String
  /// The notice's own message id (`id` tag).
  public var messageID: String
  /// The user's message shared with the event, if any.
  public var text: String?
  /// Twitch's description of the event (`system-msg`, unescaped).
  public var systemMessage: String
  public var badges: [Badge]
  public var badgeInfo: [Badge]
  /// Emotes in `text`.
  public var emotes: [Emote]
  public var color: String?
  public var tmiSentTs: Int?

  public init(channel: String, kind: Kind, msgID: String) {
    self.channel = channel
    self.kind = kind
    self.msgID = msgID
    self.login = ""
    self.displayName = ""
    self.userID = ""
    self.roomID = ""
    self.messageID = ""
    self.systemMessage = ""
    self.badges = []
    self.badgeInfo = []
    self.emotes = []
  }

  init?(_ line: borrowing IRCLine) {
    let parsed: UserNotice? = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      guard let channel = line.channel(bytes) else { return nil }
      // In Twitch's (alphabetical) tag order, so each lookup is one or two comparisons.
      let badgeInfo = tags.badges("badge-info")
      let badges = tags.badges("badges")
      let color = tags.value("color")
      let displayName = tags.string("display-name")
      let emotes = tags.valueRange("emotes")
      let messageID = tags.string("id")
      let login = tags.string("login")
      let msgID = tags.string("msg-id")
      var notice = UserNotice(channel: channel, kind: Kind(msgID, &tags), msgID: msgID)
      notice.badgeInfo = badgeInfo
      notice.badges = badges
      notice.color = color
      notice.displayName = displayName
      notice.messageID = messageID
      notice.login = login
      notice.roomID = tags.string("room-id")
      notice.systemMessage = tags.string("system-msg")
      notice.tmiSentTs = tags.int("tmi-sent-ts")
      notice.userID = tags.string("user-id")
      if line.paramRanges.count >= 2 {
        let text = bytes.string(line.paramRanges[1])
        notice.text = text
        if let emotes {
          notice.emotes = Emote.list(bytes, emotes, scalarCount: Emote.scalarCount(of: text))
        }
      }
      return notice
    }
    guard let parsed else { return nil }
    self = parsed
  }
}
