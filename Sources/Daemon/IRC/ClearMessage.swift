/// `CLEARMSG`: one message was deleted.
public struct ClearMessage: Sendable, Hashable {
  public var channel: String
  /// The sender of the deleted message.
  public var login: String
  /// The channel id; Twitch sometimes sends it empty (then nil).
  public var roomID: String?
  /// The id of the deleted message.
  public var targetMessageID: String
  /// The deleted text (a `/me` action unwrapped).
  public var text: String
  public var isAction: Bool
  public var tmiSentTs: Int?

  public init(
    channel: String, login: String, roomID: String?, targetMessageID: String, text: String, isAction: Bool = false,
    tmiSentTs: Int? = nil
  ) {
    self.channel = channel
    self.login = login
    self.roomID = roomID
    self.targetMessageID = targetMessageID
    self.text = text
    self.isAction = isAction
    self.tmiSentTs = tmiSentTs
  }

  init?(_ line: borrowing IRCLine) {
    guard line.paramRanges.count >= 2 else { return nil }
    self = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      let (text, isAction) = bytes.body(line.paramRanges[1])
      return ClearMessage(
        channel: bytes.channel(line.paramRanges[0]), login: tags.string("login"),
        roomID: tags.value("room-id"), targetMessageID: tags.string("target-msg-id"), text: text,
        isAction: isAction, tmiSentTs: tags.int("tmi-sent-ts"))
    }
  }
}
