/// `USERSTATE`: the bot's own state in a channel, after joining or sending.
public struct UserState: Sendable, Hashable {
  public var channel: String
  public var displayName: String
  public var badges: [Badge]
  public var badgeInfo: [Badge]
  public var color: String?
  public var emoteSets: [String]
  public var isModerator: Bool
  public var isSubscriber: Bool
  public var userType: String
  /// The id of the message just sent, when the state answers a PRIVMSG.
  public var messageID: String?

  public init(channel: String, displayName: String) {
    self.channel = channel
    self.displayName = displayName
    self.badges = []
    self.badgeInfo = []
    self.emoteSets = []
    self.isModerator = false
    self.isSubscriber = false
    self.userType = ""
  }

  init?(_ line: borrowing IRCLine) {
    let parsed: UserState? = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      guard let channel = line.channel(bytes) else { return nil }
      var state = UserState(channel: channel, displayName: tags.string("display-name"))
      state.badges = tags.badges("badges")
      state.badgeInfo = tags.badges("badge-info")
      state.color = tags.value("color")
      state.emoteSets = emoteSetList(tags.string("emote-sets"))
      state.isModerator = tags.flag("mod") ?? false
      state.isSubscriber = tags.flag("subscriber") ?? false
      state.userType = tags.string("user-type")
      state.messageID = tags.value("id")
      return state
    }
    guard let parsed else { return nil }
    self = parsed
  }
}

/// `0,42,237` as `["0", "42", "237"]`.
func emoteSetList(_ value: String) -> [String] {
  value.utf8.split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) }
}
