/// `WHISPER`: a private message to the bot.
public struct Whisper: Sendable, Hashable {
  /// The sender's login (from the prefix).
  public var login: String
  public var displayName: String
  public var userID: String
  /// The recipient's login.
  public var recipient: String
  public var text: String
  public var isAction: Bool
  /// The per-thread message number (`message-id`).
  public var messageID: String
  public var threadID: String
  public var badges: [Badge]
  public var color: String?
  public var emotes: [Emote]

  public init(login: String, recipient: String, text: String) {
    self.login = login
    self.displayName = ""
    self.userID = ""
    self.recipient = recipient
    self.text = text
    self.isAction = false
    self.messageID = ""
    self.threadID = ""
    self.badges = []
    self.emotes = []
  }

  init?(_ line: borrowing IRCLine) {
    guard line.paramRanges.count >= 2 else { return nil }
    self = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      let (text, isAction) = bytes.body(line.paramRanges[1])
      var whisper = Whisper(
        login: line.prefixRanges.map { bytes.string($0.nick) } ?? "", recipient: bytes.string(line.paramRanges[0]),
        text: text)
      whisper.isAction = isAction
      whisper.displayName = tags.string("display-name")
      whisper.userID = tags.string("user-id")
      whisper.messageID = tags.string("message-id")
      whisper.threadID = tags.string("thread-id")
      whisper.badges = tags.badges("badges")
      whisper.color = tags.value("color")
      if let emotes = tags.valueRange("emotes") {
        whisper.emotes = Emote.list(bytes, emotes, scalarCount: Emote.scalarCount(of: text))
      }
      return whisper
    }
  }
}
