extension UserNotice {
  /// Every field as a plain value: how a notice built in code or changed keeps them, and what
  /// equality and hashing compare.
  struct Values: Sendable, Hashable {
    var channel: String
    var kind: Kind
    var msgID: String
    var login = ""
    var displayName = ""
    var userID = ""
    var roomID = ""
    var messageID = ""
    var text: String?
    var systemMessage = ""
    var badges: [Badge] = []
    var badgeInfo: [Badge] = []
    var emotes: [Emote] = []
    var color: String?
    var tmiSentTs: Int?

    init(channel: String, kind: Kind, msgID: String) {
      self.channel = channel
      self.kind = kind
      self.msgID = msgID
    }
  }

  /// The fields as plain values, built from the line when they are located in it. Setting them
  /// stores them.
  var values: Values {
    get {
      if case .stored(let values) = fields { return values }
      var values = Values(channel: channel, kind: kind, msgID: msgID)
      values.login = login
      values.displayName = displayName
      values.userID = userID
      values.roomID = roomID
      values.messageID = messageID
      values.text = text
      values.systemMessage = systemMessage
      values.badges = badges
      values.badgeInfo = badgeInfo
      values.emotes = emotes
      values.color = color
      values.tmiSentTs = tmiSentTs
      return values
    }
    set { fields = .stored(newValue) }
  }
}
