extension UserNotice {
  /// Where each field is in the line.
  struct Spans: Sendable {
    var badgeInfo = TagSpan.absent
    var badges = TagSpan.absent
    var color = TagSpan.absent
    var displayName = TagSpan.absent
    var emotes = TagSpan.absent
    var messageID = TagSpan.absent
    var login = TagSpan.absent
    var msgID = TagSpan.absent
    var roomID = TagSpan.absent
    var systemMessage = TagSpan.absent
    var tmiSentTs = TagSpan.absent
    var userID = TagSpan.absent
  }

  /// A `USERNOTICE #channel` line, or nil without the channel.
  init?(_ line: IRCLine) {
    guard !line.paramRanges.isEmpty else { return nil }
    let (spans, _) = line.withBytes { Self.locate(line, $0) }
    self.init(line: line, spans: spans)
  }

  /// Like `init(_:)` for a line whose tag section is not checked yet: the walk over the tags
  /// checks it.
  init?(checking line: IRCLine) throws(IRCParseError) {
    let (spans, complete) = line.withBytes { Self.locate(line, $0) }
    guard complete else { throw line.tagError() }
    guard !line.paramRanges.isEmpty else { return nil }
    self.init(line: line, spans: spans)
  }

  /// Where each field is, and whether every tag was walked (false: an empty key). When a key
  /// appears twice, the last one counts.
  private static func locate(_ line: borrowing IRCLine, _ bytes: LineBytes) -> (Spans, Bool) {
    var spans = Spans()
    var tags = line.tagIterator(bytes)
    while let tag = tags.next() {
      let key = tag.key
      let span = TagSpan(tag.value)
      switch key.count {
      case 2: if bytes.equals(key, "id") { spans.messageID = span }
      case 5:
        if bytes.equals(key, "login") {
          spans.login = span
        } else if bytes.equals(key, "color") {
          spans.color = span
        }
      case 6:
        if bytes.equals(key, "msg-id") {
          spans.msgID = span
        } else if bytes.equals(key, "badges") {
          spans.badges = span
        } else if bytes.equals(key, "emotes") {
          spans.emotes = span
        }
      case 7:
        if bytes.equals(key, "room-id") {
          spans.roomID = span
        } else if bytes.equals(key, "user-id") {
          spans.userID = span
        }
      case 10:
        if bytes.equals(key, "system-msg") {
          spans.systemMessage = span
        } else if bytes.equals(key, "badge-info") {
          spans.badgeInfo = span
        }
      case 11: if bytes.equals(key, "tmi-sent-ts") { spans.tmiSentTs = span }
      case 12: if bytes.equals(key, "display-name") { spans.displayName = span }
      default: break
      }
    }
    return (spans, !tags.foundEmptyKey)
  }
}
