/// `USERNOTICE`: a subscription, gift, raid, announcement or other channel event.
///
/// Parsing locates the fields but builds no strings: each is built from the line when read, as
/// in `PrivateMessage`. Setting a field turns the notice into plain stored values. Two notices are
/// equal when their fields are, however they were made.
public struct UserNotice: Sendable, Hashable {
  /// The line the notice was parsed from; nil for a notice built with `init(channel:kind:msgID:)`.
  /// Tags not modelled here are on it (`notice.line?.tag("msg-param-goal-target-contributions")`).
  public let line: IRCLine?
  var fields: Fields

  /// Where the fields are: located in `line`, or stored once built in code or changed (boxed,
  /// so that a parsed notice is no larger than its line and spans).
  enum Fields: Sendable {
    case located(Spans)
    indirect case stored(Values)
  }

  public init(channel: String, kind: Kind, msgID: String) {
    line = nil
    fields = .stored(Values(channel: channel, kind: kind, msgID: msgID))
  }

  init(line: IRCLine, spans: Spans) {
    self.line = line
    fields = .located(spans)
  }

  public static func == (lhs: UserNotice, rhs: UserNotice) -> Bool { lhs.values == rhs.values }
  public func hash(into hasher: inout Hasher) { hasher.combine(values) }
}

extension UserNotice {
  public var channel: String {
    get { located { line, _ in line.withBytes { line.channel($0) ?? "" } } ?? values.channel }
    set { values.channel = newValue }
  }

  /// The event, typed for the common `msg-id`s.
  public var kind: Kind {
    get { located { line, spans in Kind(line, msgID: line.value(spans.msgID)) } ?? values.kind }
    set { values.kind = newValue }
  }

  /// The `msg-id` tag as sent, such as `resub`.
  public var msgID: String {
    get { located { $0.value($1.msgID) } ?? values.msgID }
    set { values.msgID = newValue }
  }

  /// The user behind the event.
  public var login: String {
    get { located { $0.value($1.login) } ?? values.login }
    set { values.login = newValue }
  }

  public var displayName: String {
    get { located { $0.value($1.displayName) } ?? values.displayName }
    set { values.displayName = newValue }
  }

  public var userID: String {
    get { located { $0.value($1.userID) } ?? values.userID }
    set { values.userID = newValue }
  }

  public var roomID: String {
    get { located { $0.value($1.roomID) } ?? values.roomID }
    set { values.roomID = newValue }
  }

  /// The notice's own message id (`id` tag).
  public var messageID: String {
    get { located { $0.value($1.messageID) } ?? values.messageID }
    set { values.messageID = newValue }
  }

  /// The user's message shared with the event, if any.
  public var text: String? {
    get {
      guard case .located = fields, let line else { return values.text }
      return line.paramRanges.count >= 2 ? line.withBytes { $0.string(line.paramRanges[1]) } : nil
    }
    set { values.text = newValue }
  }

  /// Twitch's description of the event (`system-msg`, unescaped).
  public var systemMessage: String {
    get { located { $0.value($1.systemMessage) } ?? values.systemMessage }
    set { values.systemMessage = newValue }
  }

  public var badges: [Badge] {
    get { located { $0.badges($1.badges) } ?? values.badges }
    set { values.badges = newValue }
  }

  public var badgeInfo: [Badge] {
    get { located { $0.badges($1.badgeInfo) } ?? values.badgeInfo }
    set { values.badgeInfo = newValue }
  }

  /// Emotes in `text`.
  public var emotes: [Emote] {
    get { located { line, spans in Self.emotes(line, spans) } ?? values.emotes }
    set { values.emotes = newValue }
  }

  public var color: String? {
    get { located { $0.nonEmptyValue($1.color) } ?? values.color }
    set { values.color = newValue }
  }

  public var tmiSentTs: Int? {
    get { located { $0.int($1.tmiSentTs) } ?? values.tmiSentTs }
    set { values.tmiSentTs = newValue }
  }

  /// `read` of the line and the spans, or nil when the fields are stored.
  @inline(__always)
  private func located<Value>(_ read: (IRCLine, Spans) -> Value) -> Value? {
    guard case .located(let spans) = fields, let line else { return nil }
    return read(line, spans)
  }

  private static func emotes(_ line: IRCLine, _ spans: Spans) -> [Emote] {
    guard line.paramRanges.count >= 2, let range = spans.emotes.range else { return [] }
    return line.withBytes { bytes in
      Emote.list(bytes, range, scalarCount: bytes.scalarCount(line.paramRanges[1]))
    }
  }
}
