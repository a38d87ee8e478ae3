extension PrivateMessage {
  /// Whether `line` has what a `PRIVMSG` needs: the channel and the text.
  static func accepts(_ line: borrowing IRCLine) -> Bool {
    line.paramRanges.count >= 2
  }

  /// A `PRIVMSG #channel :text` line that `accepts(_:)`; the line is moved in, not copied.
  init(accepted line: consuming IRCLine) {
    let (spans, flags) = line.withBytes { bytes in Self.locate(line, bytes) }
    self.init(line: line)
    self.spans = spans
    isAction = flags.isAction
    bits = flags.bits
    tmiSentTs = flags.tmiSentTs
    isFirstMessage = flags.isFirstMessage
    isReturningChatter = flags.isReturningChatter
    isModerator = flags.isModerator
    isSubscriber = flags.isSubscriber
    isVIP = flags.isVIP
    isTurbo = flags.isTurbo
  }

  /// The values read at parse time.
  private struct Flags {
    var isAction = false
    var bits: Int?
    var tmiSentTs: Int?
    var isFirstMessage = false
    var isReturningChatter = false
    var isModerator = false
    var isSubscriber = false
    var isVIP = false
    var isTurbo = false
  }

  private static func locate(_ line: borrowing IRCLine, _ bytes: LineBytes) -> (Spans, Flags) {
    var spans = Spans()
    var flags = Flags()
    let body = line.paramRanges[1]
    if bytes.hasPrefix(body, "\u{1}ACTION ") {
      var end = body.upperBound
      if end > body.lowerBound + 8 && bytes[end - 1] == 1 { end -= 1 }
      spans.text = TagSpan(body.lowerBound + 8..<end)
      flags.isAction = true
    } else {
      spans.text = TagSpan(body)
    }
    for tag in line.tagRanges {
      read(tag, bytes, &spans, &flags)
    }
    return (spans, flags)
  }

  // One comparison on the first byte, then only the keys starting with it.
  private static func read(_ tag: IRCLine.TagRange, _ bytes: LineBytes, _ spans: inout Spans, _ flags: inout Flags) {
    let key = tag.key
    let value = tag.value
    let span = TagSpan(value)
    switch bytes[key.lowerBound] {
    case UInt8(ascii: "b"):
      if bytes.equals(key, "badges") {
        spans.badges = span
      } else if bytes.equals(key, "badge-info") {
        spans.badgeInfo = span
      } else if bytes.equals(key, "bits") {
        flags.bits = bytes.int(value)
      }
    case UInt8(ascii: "c"):
      if bytes.equals(key, "color") {
        spans.color = span
      } else if bytes.equals(key, "custom-reward-id") {
        spans.customRewardID = span
      }
    case UInt8(ascii: "d"):
      if bytes.equals(key, "display-name") { spans.displayName = span }
    case UInt8(ascii: "e"):
      if bytes.equals(key, "emotes") { spans.emotes = span }
    case UInt8(ascii: "f"):
      if bytes.equals(key, "first-msg") { flags.isFirstMessage = bytes.flag(value) }
    case UInt8(ascii: "i"):
      if bytes.equals(key, "id") { spans.messageID = span }
    case UInt8(ascii: "m"):
      if bytes.equals(key, "mod") { flags.isModerator = bytes.flag(value) }
    case UInt8(ascii: "r"):
      readR(key, value, bytes, &spans, &flags)
    case UInt8(ascii: "s"):
      if bytes.equals(key, "subscriber") {
        flags.isSubscriber = bytes.flag(value)
      } else if bytes.hasPrefix(key, "source-") {
        readSource(key.lowerBound + 7..<key.upperBound, span, bytes, &spans)
      }
    case UInt8(ascii: "t"):
      if bytes.equals(key, "tmi-sent-ts") {
        flags.tmiSentTs = bytes.int(value)
      } else if bytes.equals(key, "turbo") {
        flags.isTurbo = bytes.flag(value)
      }
    case UInt8(ascii: "u"):
      if bytes.equals(key, "user-id") {
        spans.userID = span
      } else if bytes.equals(key, "user-type") {
        spans.userType = span
      }
    case UInt8(ascii: "v"):
      if bytes.equals(key, "vip") { flags.isVIP = bytes.flag(value) }
    default:
      break
    }
  }

  private static func readR(
    _ key: Range<Int>, _ value: Range<Int>, _ bytes: LineBytes, _ spans: inout Spans, _ flags: inout Flags
  ) {
    let span = TagSpan(value)
    if bytes.equals(key, "room-id") {
      spans.roomID = span
    } else if bytes.equals(key, "returning-chatter") {
      flags.isReturningChatter = bytes.flag(value)
    } else if bytes.hasPrefix(key, "reply-parent-") {
      let field = key.lowerBound + 13..<key.upperBound
      if bytes.equals(field, "msg-id") {
        spans.replyID = span
      } else if bytes.equals(field, "user-id") {
        spans.replyUserID = span
      } else if bytes.equals(field, "user-login") {
        spans.replyLogin = span
      } else if bytes.equals(field, "display-name") {
        spans.replyName = span
      } else if bytes.equals(field, "msg-body") {
        spans.replyBody = span
      }
    } else if bytes.equals(key, "reply-thread-parent-msg-id") {
      spans.threadID = span
    } else if bytes.equals(key, "reply-thread-parent-user-login") {
      spans.threadLogin = span
    }
  }

  private static func readSource(_ field: Range<Int>, _ span: TagSpan, _ bytes: LineBytes, _ spans: inout Spans) {
    if bytes.equals(field, "room-id") {
      spans.sourceRoomID = span
    } else if bytes.equals(field, "id") {
      spans.sourceID = span
    } else if bytes.equals(field, "badges") {
      spans.sourceBadges = span
    } else if bytes.equals(field, "badge-info") {
      spans.sourceBadgeInfo = span
    } else if bytes.equals(field, "only") {
      spans.sourceOnly = span
    }
  }
}
