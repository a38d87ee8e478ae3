/// One raw IRC line, split into tags, prefix, command and parameters without interpreting them.
///
/// The line keeps its bytes (without CRLF) and where each part is; strings are built only when
/// asked for, and tag values are unescaped only when read. Tags are found by walking the tag
/// section when asked for, so parsing a line allocates nothing but its bytes.
public struct IRCLine: Sendable, Hashable {
  /// The key and raw (still escaped) value of one tag, as byte ranges of `bytes`.
  struct TagRange: Sendable, Hashable {
    var key: Range<Int>
    var value: Range<Int>
  }

  /// The prefix `nick!user@host` as byte ranges of `bytes`.
  struct PrefixRanges: Sendable, Hashable {
    var whole: Range<Int>
    var nick: Range<Int>
    var user: Range<Int>?
    var host: Range<Int>?
  }

  /// The line's bytes, without the line ending.
  public let bytes: [UInt8]
  let layout: IRCLineScanner.Layout

  /// The index of the space after the tags, or 0 when the line has none.
  var tagsEnd: Int { Int(layout.tagsEnd) }
  var commandRange: Range<Int> { Int(layout.commandStart)..<Int(layout.commandEnd) }
  var paramRanges: ParamRanges { layout.params }
  /// Whether the last parameter was a trailing one (after ` :`), which may be empty or hold spaces.
  public var hasTrailing: Bool { layout.hasTrailing }

  var prefixRanges: PrefixRanges? {
    guard layout.prefixStart >= 0 else { return nil }
    let start = Int(layout.prefixStart)
    let end = Int(layout.prefixEnd)
    let bang = Int(layout.bang)
    let at = Int(layout.at)
    return PrefixRanges(
      whole: start..<end, nick: start..<(bang >= 0 ? bang : (at >= 0 ? at : end)),
      user: bang >= 0 ? bang + 1..<(at >= 0 ? at : end) : nil, host: at >= 0 ? at + 1..<end : nil)
  }

  /// The nick in the prefix, or an empty range.
  var nickRange: Range<Int> {
    guard layout.prefixStart >= 0 else { return 0..<0 }
    let end = layout.bang >= 0 ? layout.bang : (layout.at >= 0 ? layout.at : layout.prefixEnd)
    return Int(layout.prefixStart)..<Int(end)
  }

  /// Parses one line; a trailing CR and/or LF is ignored.
  public init(parsing bytes: [UInt8]) throws(IRCParseError) {
    self = try Self.scanning(Self.stripped(bytes), checkingTags: true)
  }

  /// Parses one line from raw memory (copied); a trailing CR and/or LF is ignored.
  public init(parsing bytes: UnsafeRawBufferPointer) throws(IRCParseError) {
    self = try Self.scanning(Self.stripped(bytes), checkingTags: true)
  }

  /// Parses one line given as UTF-8; a trailing CR and/or LF is ignored.
  public init(parsing utf8: Substring.UTF8View) throws(IRCParseError) {
    try self.init(parsing: Array(utf8))
  }

  /// Parses one line given as a string; a trailing CR and/or LF is ignored.
  public init(parsing string: String) throws(IRCParseError) {
    try self.init(parsing: Array(string.utf8))
  }

  private init(bytes: [UInt8], layout: IRCLineScanner.Layout) {
    self.bytes = bytes
    self.layout = layout
  }

  /// The bytes without a trailing CR and/or LF.
  static func stripped(_ bytes: [UInt8]) -> [UInt8] {
    var end = bytes.count
    while end > 0 && (bytes[end - 1] == 10 || bytes[end - 1] == 13) { end -= 1 }
    return end == bytes.count ? bytes : Array(bytes[0..<end])
  }

  /// A copy of the bytes without a trailing CR and/or LF.
  static func stripped(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    var end = bytes.count
    while end > 0 && (bytes[end - 1] == 10 || bytes[end - 1] == 13) { end -= 1 }
    // `Array(_:)` of a buffer is specialized here; `init(unsafeUninitializedCapacity:)` is not,
    // and looks the array's storage type up at run time.
    return Array(UnsafeRawBufferPointer(rebasing: bytes[0..<end]))
  }

  /// Scans stripped bytes. Without `checkingTags`, the tag section is only delimited: the caller
  /// must check it (`checkTags`, or a walk that stops at an empty key) before the line escapes.
  // A static function rather than a delegating init: the line is built once and moved, not copied.
  static func scanning(_ stripped: [UInt8], checkingTags: Bool) throws(IRCParseError) -> IRCLine {
    let layout = try stripped.withUnsafeBufferPointer { buffer throws(IRCParseError) in
      try IRCLineScanner(LineBytes(base: buffer), checkingTags: checkingTags).scan()
    }
    return IRCLine(bytes: stripped, layout: layout)
  }

  /// Checks the tag section of a line scanned without `checkingTags`.
  func checkTags() throws(IRCParseError) {
    guard tagsEnd > 0 else { return }
    _ = try bytes.withUnsafeBufferPointer { buffer throws(IRCParseError) in
      try IRCLineScanner(LineBytes(base: buffer)).scanTags()
    }
  }

  /// The error of a tag section that a walk found an empty key in.
  func tagError() -> IRCParseError {
    do {
      try bytes.withUnsafeBufferPointer { buffer throws(IRCParseError) in
        _ = try IRCLineScanner(LineBytes(base: buffer)).scanTagsExactly()
      }
    } catch {
      return error
    }
    return .invalidTag(at: 1)  // Not reached: the walk only stops early at an empty key.
  }

  /// Runs `body` over the line's bytes.
  @inline(__always)
  borrowing func withBytes<Result>(_ body: (LineBytes) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { body(LineBytes(base: $0)) }
  }

  /// The tags in order, walked over `bytes` (which must be this line's).
  func tagIterator(_ bytes: LineBytes) -> TagIterator {
    TagIterator(bytes, end: tagsEnd)
  }

  // Where each part is follows from the bytes, so the bytes alone decide equality.
  public static func == (lhs: IRCLine, rhs: IRCLine) -> Bool { lhs.bytes == rhs.bytes }
  public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
