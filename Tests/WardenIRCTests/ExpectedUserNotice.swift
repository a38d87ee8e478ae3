import WardenIRC

/// Every field of a `UserNotice` as a plain value, read through its properties.
struct ExpectedUserNotice: Equatable, Sendable {
  var channel: String
  var kind: UserNotice.Kind
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

  init(_ notice: UserNotice) {
    channel = notice.channel
    kind = notice.kind
    msgID = notice.msgID
    login = notice.login
    displayName = notice.displayName
    userID = notice.userID
    roomID = notice.roomID
    messageID = notice.messageID
    text = notice.text
    systemMessage = notice.systemMessage
    badges = notice.badges
    badgeInfo = notice.badgeInfo
    emotes = notice.emotes
    color = notice.color
    tmiSentTs = notice.tmiSentTs
  }
}
