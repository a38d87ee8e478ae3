/// `NOTICE`: a server message, with a `msg-id` when it is about a channel.
public struct Notice: Sendable, Hashable {
  /// The channel without `#`, or `*` for a notice about the connection.
  public var channel: String
  public var messageID: String?
  public var text: String

  public init(channel: String, messageID: String?, text: String) {
    self.channel = channel
    self.messageID = messageID
    self.text = text
  }

  init?(_ line: borrowing IRCLine) {
    guard line.paramRanges.count >= 2 else { return nil }
    self = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      return Notice(
        channel: bytes.channel(line.paramRanges[0]), messageID: tags.value("msg-id"),
        text: bytes.string(line.paramRanges[1]))
    }
  }
}
