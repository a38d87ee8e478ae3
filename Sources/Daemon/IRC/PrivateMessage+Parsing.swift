extension PrivateMessage {
  /// Whether `line` has what a `PRIVMSG` needs: the channel and the text.
  static func accepts(_ line: borrowing IRCLine) -> Bool {
    line.paramRanges.count >= 2
  }

  /// A `PRIVMSG #channel :text` line that `accepts(_:)`; the line is moved in, not copied.
  init(accepted line: consuming IRCLine) {
    let (spans, flags, _) = line.withBytes { bytes in Self.locate(line, bytes) }
    self.init(line: line, spans: spans, flags: flags)
  }

  /// Like `init(accepted:)` for a line whose tag section is not checked yet: the walk over the
  /// tags checks it.
  init(checking line: consuming IRCLine) throws(IRCParseError) {
    let (spans, flags, complete) = line.withBytes { bytes in Self.locate(line, bytes) }
    guard complete else { throw line.tagError() }
    self.init(line: line, spans: spans, flags: flags)
  }

  private init(line: consuming IRCLine, spans: Spans, flags: Flags) {
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

  /// Where each field is, the flags, and whether every tag was walked (false: an empty key).
  private static func locate(_ line: borrowing IRCLine, _ bytes: LineBytes) -> (Spans, Flags, Bool) {
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
    var tags = line.tagIterator(bytes)
    while let tag = tags.next() {
      read(tag, bytes, &spans, &flags)
    }
    return (spans, flags, !tags.foundEmptyKey)
  }

  // The key's length picks the few keys it can be, each compared a word at a time.
  @inline(__always)
  private static func read(_ tag: IRCLine.TagRange, _ bytes: LineBytes, _ spans: inout Spans, _ flags: inout Flags) {
    let key = tag.key
    let value = tag.value
    let span = TagSpan(value)
    switch key.count {
    case 2: if bytes.equals(key, "id") { spans.messageID = span }
    case 3:
      if bytes.equals(key, "mod") {
        flags.isModerator = bytes.flag(value)
      } else if bytes.equals(key, "vip") {
        flags.isVIP = bytes.flag(value)
      }
    case 4: if bytes.equals(key, "bits") { flags.bits = bytes.int(value) }
    case 5:
      if bytes.equals(key, "color") {
        spans.color = span
      } else if bytes.equals(key, "turbo") {
        flags.isTurbo = bytes.flag(value)
      }
    case 6:
      if bytes.equals(key, "badges") {
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
    case 9:
      if bytes.equals(key, "first-msg") {
        flags.isFirstMessage = bytes.flag(value)
      } else if bytes.equals(key, "user-type") {
        spans.userType = span
      } else if bytes.equals(key, "source-id") {
        spans.sourceID = span
      }
    case 10:
      if bytes.equals(key, "subscriber") {
        flags.isSubscriber = bytes.flag(value)
      } else if bytes.equals(key, "badge-info") {
        spans.badgeInfo = span
      }
    case 11:
      if bytes.equals(key, "tmi-sent-ts") {
        flags.tmiSentTs = bytes.int(value)
      } else if bytes.equals(key, "source-only") {
        spans.sourceOnly = span
      }
    case 12: if bytes.equals(key, "display-name") { spans.displayName = span }
    case 13...17: readLong(key, value, bytes, &spans, &flags)
    case 19...30: readReply(key, span, bytes, &spans)
    default: break
    }
  }

  private static func readLong(
    _ key: Range<Int>, _ value: Range<Int>, _ bytes: LineBytes, _ spans: inout Spans, _ flags: inout Flags
  ) {
    let span = TagSpan(value)
    if bytes.equals(key, "returning-chatter") {
      flags.isReturningChatter = bytes.flag(value)
    } else if bytes.equals(key, "custom-reward-id") {
      spans.customRewardID = span
    } else if bytes.equals(key, "source-room-id") {
      spans.sourceRoomID = span
    } else if bytes.equals(key, "source-badges") {
      spans.sourceBadges = span
    } else if bytes.equals(key, "source-badge-info") {
      spans.sourceBadgeInfo = span
    }
  }

  private static func readReply(_ key: Range<Int>, _ span: TagSpan, _ bytes: LineBytes, _ spans: inout Spans) {
    if bytes.equals(key, "reply-parent-msg-id") {
      spans.replyID = span
    } else if bytes.equals(key, "reply-parent-user-id") {
      spans.replyUserID = span
    } else if bytes.equals(key, "reply-parent-user-login") {
      spans.replyLogin = span
    } else if bytes.equals(key, "reply-parent-display-name") {
      spans.replyName = span
    } else if bytes.equals(key, "reply-parent-msg-body") {
      spans.replyBody = span
    } else if bytes.equals(key, "reply-thread-parent-msg-id") {
      spans.threadID = span
    } else if bytes.equals(key, "reply-thread-parent-user-login") {
      spans.threadLogin = span
    }
  }
}
