/// `GLOBALUSERSTATE`: the bot's own account, sent once after login.
public struct GlobalUserState: Sendable, Hashable {
  public var userID: String
  public var displayName: String
  public var badges: [Badge]
  public var badgeInfo: [Badge]
  public var color: String?
  public var emoteSets: [String]
  public var userType: String

  public init(userID: String, displayName: String) {
    self.userID = userID
    self.displayName = displayName
    self.badges = []
    self.badgeInfo = []
    self.emoteSets = []
    self.userType = ""
  }

  init(_ line: borrowing IRCLine) {
    self = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      var state = GlobalUserState(
        userID: tags.string("user-id"), displayName: tags.string("display-name"))
      state.badges = tags.badges("badges")
      state.badgeInfo = tags.badges("badge-info")
      state.color = tags.value("color")
      state.emoteSets = emoteSetList(tags.string("emote-sets"))
      state.userType = tags.string("user-type")
      return state
    }
  }
}
