/// A chat message (`PRIVMSG`) with its Twitch tags.
///
/// Parsing locates every field but builds no strings: the flags and numbers are read at once,
/// the string and list fields are built from the line when read. Tags not modelled here are
/// on `line` (`message.line.tag("client-nonce")`).
public struct PrivateMessage: Sendable, Hashable {
  /// The raw line.
  public let line: IRCLine
  var spans = Spans()
  /// Whether the message is a `/me` action (the text is then the text inside the CTCP ACTION).
  public internal(set) var isAction = false
  /// Bits cheered, if any.
  public internal(set) var bits: Int?
  /// When Twitch received the message, in milliseconds since 1970.
  public internal(set) var tmiSentTs: Int?
  public internal(set) var isFirstMessage = false
  public internal(set) var isReturningChatter = false
  public internal(set) var isModerator = false
  public internal(set) var isSubscriber = false
  public internal(set) var isVIP = false
  public internal(set) var isTurbo = false

  /// Where each string field is in the line.
  struct Spans: Sendable, Hashable {
    var text = TagSpan.absent
    var displayName = TagSpan.absent
    var userID = TagSpan.absent
    var roomID = TagSpan.absent
    var messageID = TagSpan.absent
    var color = TagSpan.absent
    var customRewardID = TagSpan.absent
    var userType = TagSpan.absent
    var badges = TagSpan.absent
    var badgeInfo = TagSpan.absent
    var emotes = TagSpan.absent
    var replyID = TagSpan.absent
    var replyUserID = TagSpan.absent
    var replyLogin = TagSpan.absent
    var replyName = TagSpan.absent
    var replyBody = TagSpan.absent
    var threadID = TagSpan.absent
    var threadLogin = TagSpan.absent
    var sourceRoomID = TagSpan.absent
    var sourceID = TagSpan.absent
    var sourceBadges = TagSpan.absent
    var sourceBadgeInfo = TagSpan.absent
    var sourceOnly = TagSpan.absent
  }

  init(line: consuming IRCLine) {
    self.line = line
  }

  private func value(_ span: TagSpan) -> String { line.value(span) }
  private func nonEmptyValue(_ span: TagSpan) -> String? { line.nonEmptyValue(span) }
  private func badges(_ span: TagSpan) -> [Badge] { line.badges(span) }
}

extension PrivateMessage {
  /// The channel login, without `#`.
  public var channel: String { line.withBytes { $0.channel(line.paramRanges[0]) } }
  /// The sender's login (from the prefix).
  public var login: String { line.withBytes { $0.string(line.nickRange) } }
  /// The text; for a `/me` action, the text inside the CTCP ACTION.
  public var text: String { line.withBytes { $0.string(spans.text.rangeOrEmpty) } }
  public var displayName: String { value(spans.displayName) }
  public var userID: String { value(spans.userID) }
  public var roomID: String { value(spans.roomID) }
  /// The message id (`id` tag).
  public var messageID: String { value(spans.messageID) }
  /// The name colour such as `#19E6E6`, nil if the user never set one.
  public var color: String? { nonEmptyValue(spans.color) }
  /// The channel-point reward redeemed with this message.
  public var customRewardID: String? { nonEmptyValue(spans.customRewardID) }
  /// `mod`, `admin`, `global_mod`, `staff` or empty.
  public var userType: String { value(spans.userType) }
  public var badges: [Badge] { badges(spans.badges) }
  public var badgeInfo: [Badge] { badges(spans.badgeInfo) }

  /// Emotes, as Unicode-scalar offsets into `text`; invalid positions are dropped.
  public var emotes: [Emote] { line.withBytes { Self.emotes($0, spans.emotes, text: spans.text.rangeOrEmpty) } }

  /// The message this one replies to.
  public var replyParent: ReplyParent? { line.withBytes { replyParent($0) } }

  /// The first message of the reply thread.
  public var threadParent: ThreadParent? { line.withBytes { threadParent($0) } }

  /// Where the message came from in a shared chat session.
  public var sharedChat: SharedChatSource? { line.withBytes { sharedChat($0) } }

  /// The part of `text` an emote range covers, or nil if the range is outside it.
  public func text(of range: ClosedRange<Int>) -> Substring? {
    let text = self.text
    let scalars = text.unicodeScalars
    guard range.lowerBound >= 0,
      let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound, limitedBy: scalars.endIndex),
      let last = scalars.index(start, offsetBy: range.count - 1, limitedBy: scalars.endIndex),
      last < scalars.endIndex
    else { return nil }
    return text[start...last]
  }
}
