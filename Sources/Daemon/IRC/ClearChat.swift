/// `CLEARCHAT`: a ban, a timeout, or a clear of the whole chat.
public struct ClearChat: Sendable, Hashable {
  /// What was done.
  public enum Action: Sendable, Hashable {
    /// The user was banned permanently.
    case ban(login: String)
    /// The user was timed out for `seconds`.
    case timeout(login: String, seconds: Int)
    /// The whole chat was cleared.
    case clear
  }

  public var channel: String
  public var roomID: String?
  public var action: Action
  /// The banned or timed-out user's id (`target-user-id`).
  public var targetUserID: String?
  public var tmiSentTs: Int?

  public init(channel: String, roomID: String?, action: Action, targetUserID: String? = nil, tmiSentTs: Int? = nil) {
    self.channel = channel
    self.roomID = roomID
    self.action = action
    self.targetUserID = targetUserID
    self.tmiSentTs = tmiSentTs
  }

  init?(_ line: borrowing IRCLine) {
    let parsed: ClearChat? = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      guard let channel = line.channel(bytes) else { return nil }
      let action: Action
      if line.paramRanges.count >= 2 {
        let login = bytes.string(line.paramRanges[1])
        if let seconds = tags.int("ban-duration") {
          action = .timeout(login: login, seconds: seconds)
        } else {
          action = .ban(login: login)
        }
      } else {
        action = .clear
      }
      return ClearChat(
        channel: channel, roomID: tags.value("room-id"), action: action,
        targetUserID: tags.value("target-user-id"), tmiSentTs: tags.int("tmi-sent-ts"))
    }
    guard let parsed else { return nil }
    self = parsed
  }
}
