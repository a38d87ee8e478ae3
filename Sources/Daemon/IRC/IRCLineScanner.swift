/// The byte scanner behind `IRCLine`: one pass that records where each part of a line is.
///
/// The layout is a fixed-size value (no arrays for lines of up to four parameters): the tag
/// section is checked and its end recorded, and the tags themselves are walked on demand by
/// `TagIterator`.
struct IRCLineScanner {
  struct Layout: Sendable {
    /// The index of the space that ends the tags, or 0 when the line has none.
    var tagsEnd: Int32 = 0
    /// The prefix after `:`, or `prefixStart == -1`.
    var prefixStart: Int32 = -1
    var prefixEnd: Int32 = -1
    /// The `!` and the `@` in the prefix, or -1.
    var bang: Int32 = -1
    var at: Int32 = -1
    var commandStart: Int32 = 0
    var commandEnd: Int32 = 0
    var params = ParamRanges()
    var hasTrailing = false
  }

  static let space = UInt8(ascii: " ")
  let bytes: LineBytes
  let end: Int
  /// Whether `scan` checks the tag section; when it does not, the caller must (a typed parser
  /// walking the tags anyway does it in the same pass).
  let checksTags: Bool

  init(_ bytes: LineBytes, checkingTags: Bool = true) {
    self.bytes = bytes
    self.end = bytes.base.count
    self.checksTags = checkingTags
  }

  func scan() throws(IRCParseError) -> Layout {
    guard end > 0 else { throw .emptyLine(at: 0) }
    guard end <= Int(Int32.max) else { throw .lineTooLong(at: Int(Int32.max)) }
    var layout = Layout()
    guard bytes[0] == UInt8(ascii: "@") else {
      try scan(from: 0, into: &layout)
      return layout
    }
    let tagsEnd = try checksTags ? scanTags() : findTagsEnd()
    layout.tagsEnd = Int32(truncatingIfNeeded: tagsEnd)
    do {
      try scan(from: tagsEnd, into: &layout)
    } catch {
      // The tags come first: an error in them is the one to report.
      if !checksTags { _ = try scanTagsExactly() }
      throw error
    }
    return layout
  }

  /// The space that ends the tags, without checking them.
  private func findTagsEnd() throws(IRCParseError) -> Int {
    let space = bytes.memoryIndex(of: Self.space, from: 1, to: end)
    return space < end ? space : try scanTagsExactly()
  }

  /// Scans the prefix, command and parameters after the tags.
  private func scan(from start: Int, into layout: inout Layout) throws(IRCParseError) {
    var index = skipSpaces(from: start)
    if index < end && bytes[index] == UInt8(ascii: ":") {
      index = try scanPrefix(from: index, into: &layout)
    }
    guard index < end else { throw .missingCommand(at: index) }
    index = try scanCommand(from: index, into: &layout)
    scanParams(from: index, into: &layout)
  }

  private func skipSpaces(from start: Int) -> Int {
    var index = start
    while index < end && bytes[index] == Self.space { index += 1 }
    return index
  }

  /// Scans `:nick!user@host` and returns the index after the spaces that follow it.
  private func scanPrefix(from colon: Int, into layout: inout Layout) throws(IRCParseError) -> Int {
    let start = colon + 1
    let prefixEnd = bytes.firstIndex(of: Self.space, from: start, to: end)
    var bang = -1
    var at = bytes.firstIndex(of: UInt8(ascii: "!"), or: UInt8(ascii: "@"), from: start, to: prefixEnd)
    if at < prefixEnd && bytes[at] == UInt8(ascii: "!") {
      bang = at
      at = bytes.firstIndex(of: UInt8(ascii: "@"), from: bang + 1, to: prefixEnd)
    }
    if at == prefixEnd { at = -1 }
    guard prefixEnd < end else { throw .missingCommand(at: end) }
    guard prefixEnd > start else { throw .invalidPrefix(at: colon) }
    layout.prefixStart = Int32(truncatingIfNeeded: start)
    layout.prefixEnd = Int32(truncatingIfNeeded: prefixEnd)
    layout.bang = Int32(truncatingIfNeeded: bang)
    layout.at = Int32(truncatingIfNeeded: at)
    return skipSpaces(from: prefixEnd)
  }

  /// Scans the command (letters, or three digits) and returns the index after it.
  private func scanCommand(from start: Int, into layout: inout Layout) throws(IRCParseError) -> Int {
    var index = start
    var letters = 0
    var digits = 0
    while index < end && bytes[index] != Self.space {
      let byte = bytes[index]
      if (byte | 0x20) &- UInt8(ascii: "a") < 26 {
        letters += 1
      } else if byte &- UInt8(ascii: "0") < 10 {
        digits += 1
      } else {
        throw .invalidCommand(at: start)
      }
      index += 1
    }
    guard (letters > 0 && digits == 0) || (letters == 0 && digits == 3) else { throw .invalidCommand(at: start) }
    layout.commandStart = Int32(truncatingIfNeeded: start)
    layout.commandEnd = Int32(truncatingIfNeeded: index)
    return index
  }

  private func scanParams(from start: Int, into layout: inout Layout) {
    var index = start
    while true {
      index = skipSpaces(from: index)
      guard index < end else { return }
      if bytes[index] == UInt8(ascii: ":") {
        layout.params.append(index + 1..<end)
        layout.hasTrailing = true
        return
      }
      let paramStart = index
      index = bytes.firstIndex(of: Self.space, from: index, to: end)
      layout.params.append(paramStart..<index)
    }
  }
}
