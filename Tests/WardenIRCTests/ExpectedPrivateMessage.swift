import WardenIRC

/// Every field of a `PrivateMessage` as a plain value, so a table can spell out what a line
/// must parse to and a failure shows the fields that differ.
struct ExpectedPrivateMessage: Equatable, Sendable {
  var channel: String
  var login: String
  var text: String
  var displayName = ""
  var userID = ""
  var roomID = ""
  var messageID = ""
  var isAction = false
  var badges: [Badge] = []
  var badgeInfo: [Badge] = []
  var emotes: [Emote] = []
  var bits: Int?
  var color: String?
  var isFirstMessage = false
  var isReturningChatter = false
  var replyParent: ReplyParent?
  var threadParent: ThreadParent?
  var sharedChat: SharedChatSource?
  var customRewardID: String?
  var tmiSentTs: Int?
  var isModerator = false
  var isSubscriber = false
  var isVIP = false
  var isTurbo = false
  var userType = ""

  init(channel: String, login: String, text: String) {
    self.channel = channel
    self.login = login
    self.text = text
  }

  init(_ message: PrivateMessage) {
    self.init(channel: message.channel, login: message.login, text: message.text)
    displayName = message.displayName
    userID = message.userID
    roomID = message.roomID
    messageID = message.messageID
    isAction = message.isAction
    badges = message.badges
    badgeInfo = message.badgeInfo
    emotes = message.emotes
    bits = message.bits
    color = message.color
    isFirstMessage = message.isFirstMessage
    isReturningChatter = message.isReturningChatter
    replyParent = message.replyParent
    threadParent = message.threadParent
    sharedChat = message.sharedChat
    customRewardID = message.customRewardID
    tmiSentTs = message.tmiSentTs
    isModerator = message.isModerator
    isSubscriber = message.isSubscriber
    isVIP = message.isVIP
    isTurbo = message.isTurbo
    userType = message.userType
  }
}
