/// One raw IRC line, split into tags, prefix, command and parameters without interpreting them.
///
/// The line keeps its bytes (without CRLF) and the ranges of each part; strings are built only
/// when asked for, and tag values are unescaped only when read.
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

  var tagRanges: [TagRange] { layout.tags }
  var prefixRanges: PrefixRanges? { layout.prefix }
  var commandRange: Range<Int> { layout.command }
  var paramRanges: [Range<Int>] { layout.params }
  /// Whether the last parameter was a trailing one (after ` :`), which may be empty or hold spaces.
  public var hasTrailing: Bool { layout.hasTrailing }

  /// Parses one line; a trailing CR and/or LF is ignored.
  public init(parsing bytes: [UInt8]) throws(IRCParseError) {
    var end = bytes.count
    while end > 0 && (bytes[end - 1] == 10 || bytes[end - 1] == 13) { end -= 1 }
    self = try Self.scanning(end == bytes.count ? bytes : Array(bytes[0..<end]))
  }

  /// Parses one line from raw memory (copied); a trailing CR and/or LF is ignored.
  public init(parsing bytes: UnsafeRawBufferPointer) throws(IRCParseError) {
    var end = bytes.count
    while end > 0 && (bytes[end - 1] == 10 || bytes[end - 1] == 13) { end -= 1 }
    let copy = [UInt8](unsafeUninitializedCapacity: end) { buffer, count in
      if end > 0, let base = bytes.baseAddress {
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(start: base, count: end))
      }
      count = end
    }
    self = try Self.scanning(copy)
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

  // A static function rather than a delegating init: the line is built once and moved, not copied.
  private static func scanning(_ stripped: [UInt8]) throws(IRCParseError) -> IRCLine {
    let layout = try stripped.withUnsafeBufferPointer { buffer throws(IRCParseError) in
      try IRCLineScanner(LineBytes(base: buffer)).scan()
    }
    return IRCLine(bytes: stripped, layout: layout)
  }

  /// Runs `body` over the line's bytes.
  @inline(__always)
  borrowing func withBytes<Result>(_ body: (LineBytes) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { body(LineBytes(base: $0)) }
  }
}

extension IRCLine {
  /// The command, such as `PRIVMSG` or `001`.
  public var command: String { withBytes { $0.string(commandRange) } }

  /// The parameters, the trailing one last.
  public var params: [String] { withBytes { bytes in paramRanges.map { bytes.string($0) } } }

  /// The number of parameters.
  public var paramCount: Int { paramRanges.count }

  /// The parameter at `index`, or nil.
  public func param(_ index: Int) -> String? {
    guard paramRanges.indices.contains(index) else { return nil }
    return withBytes { $0.string(paramRanges[index]) }
  }

  /// The prefix (the source of the message), if the line has one.
  public var prefix: IRCPrefix? {
    guard let ranges = prefixRanges else { return nil }
    return withBytes { bytes in
      IRCPrefix(
        raw: bytes.string(ranges.whole), nick: bytes.string(ranges.nick), user: ranges.user.map { bytes.string($0) },
        host: ranges.host.map { bytes.string($0) })
    }
  }

  /// The number of tags.
  public var tagCount: Int { tagRanges.count }

  /// Every tag in order, values unescaped.
  public var tags: [(key: String, value: String)] {
    withBytes { bytes in tagRanges.map { (bytes.string($0.key), bytes.value($0.value)) } }
  }

  /// The unescaped value of the tag `key`, or nil if the line has no such tag.
  /// A tag without `=` has the empty value.
  public func tag(_ key: String) -> String? {
    withBytes { bytes in
      rawTag(key, bytes).map { bytes.value($0.value) }
    }
  }

  /// The value of the tag `key` as it is on the wire (escaped), or nil.
  public func rawTagValue(_ key: String) -> String? {
    withBytes { bytes in
      rawTag(key, bytes).map { bytes.string($0.value) }
    }
  }

  private func rawTag(_ key: String, _ bytes: LineBytes) -> TagRange? {
    var key = key
    return key.withUTF8 { wanted in
      tagRanges.first { tag in
        tag.key.count == wanted.count && bytes.base[tag.key].elementsEqual(wanted)
      }
    }
  }
}

extension IRCLine {
  /// The channel in the first parameter, without `#`.
  func channel(_ bytes: LineBytes) -> String? {
    paramRanges.first.map { bytes.channel($0) }
  }
}
