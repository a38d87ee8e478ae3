/// The byte scanner behind `IRCLine`: one pass that records where each part of a line is.
struct IRCLineScanner {
  struct Layout: Sendable, Hashable {
    var tags: [IRCLine.TagRange] = []
    var prefix: IRCLine.PrefixRanges?
    var command: Range<Int> = 0..<0
    var params: [Range<Int>] = []
    var hasTrailing = false
  }

  private static let space = UInt8(ascii: " ")
  private let bytes: LineBytes
  private let end: Int

  init(_ bytes: LineBytes) {
    self.bytes = bytes
    self.end = bytes.base.count
  }

  func scan() throws(IRCParseError) -> Layout {
    guard end > 0 else { throw .emptyLine(at: 0) }
    var layout = Layout()
    var index = 0
    if bytes[0] == UInt8(ascii: "@") {
      index = try scanTags(into: &layout)
    }
    index = skipSpaces(from: index)
    if index < end && bytes[index] == UInt8(ascii: ":") {
      index = try scanPrefix(from: index, into: &layout)
    }
    guard index < end else { throw .missingCommand(at: index) }
    index = try scanCommand(from: index, into: &layout)
    scanParams(from: index, into: &layout)
    return layout
  }

  private func skipSpaces(from start: Int) -> Int {
    var index = start
    while index < end && bytes[index] == Self.space { index += 1 }
    return index
  }

  /// Scans `@key=value;…` and returns the index of the space after it. Finds the delimiters
  /// eight bytes at a time and hands each to `TagSplitter`.
  private func scanTags(into layout: inout Layout) throws(IRCParseError) -> Int {
    layout.tags.reserveCapacity(32)
    var splitter = TagSplitter()
    var index = 1
    if let base = UnsafeRawPointer(bytes.base.baseAddress) {
      while index + 8 <= end {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        var found = LineBytes.tagDelimiters(word)
        while found != 0 {
          let position = index + found.trailingZeroBitCount / 8
          if try splitter.handle(bytes[position], at: position, into: &layout) { return position }
          found &= found &- 1
        }
        index += 8
      }
    }
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "=") || byte == UInt8(ascii: ";") || byte == Self.space {
        if try splitter.handle(byte, at: index, into: &layout) { return index }
      }
      index += 1
    }
    throw .missingCommand(at: end)
  }

  /// Scans `:nick!user@host` and returns the index after the spaces that follow it.
  private func scanPrefix(from colon: Int, into layout: inout Layout) throws(IRCParseError) -> Int {
    let start = colon + 1
    let prefixEnd = bytes.firstIndex(of: Self.space, or: Self.space, from: start, to: end)
    var bang = -1
    var at = bytes.firstIndex(of: UInt8(ascii: "!"), or: UInt8(ascii: "@"), from: start, to: prefixEnd)
    if at < prefixEnd && bytes[at] == UInt8(ascii: "!") {
      bang = at
      at = bytes.firstIndex(of: UInt8(ascii: "@"), or: UInt8(ascii: "@"), from: bang + 1, to: prefixEnd)
    }
    if at == prefixEnd { at = -1 }
    guard prefixEnd < end else { throw .missingCommand(at: end) }
    guard prefixEnd > start else { throw .invalidPrefix(at: colon) }
    let nickEnd = bang >= 0 ? bang : (at >= 0 ? at : prefixEnd)
    layout.prefix = IRCLine.PrefixRanges(
      whole: start..<prefixEnd, nick: start..<nickEnd,
      user: bang >= 0 ? bang + 1..<(at >= 0 ? at : prefixEnd) : nil,
      host: at >= 0 ? at + 1..<prefixEnd : nil)
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
    layout.command = start..<index
    return index
  }

  private func scanParams(from start: Int, into layout: inout Layout) {
    var index = start
    layout.params.reserveCapacity(3)
    while true {
      index = skipSpaces(from: index)
      guard index < end else { return }
      if bytes[index] == UInt8(ascii: ":") {
        layout.params.append(index + 1..<end)
        layout.hasTrailing = true
        return
      }
      let paramStart = index
      index = bytes.firstIndex(of: Self.space, or: Self.space, from: index, to: end)
      layout.params.append(paramStart..<index)
    }
  }
}

/// The tag section's state between delimiters: where the current key starts and its `=`, if seen.
private struct TagSplitter {
  private var keyStart = 1
  private var equals = -1
  private var afterSemicolon = false

  /// Handles the delimiter `byte` (`=`, `;` or space) at `position`; true at the space that ends
  /// the tags.
  @inline(__always)
  mutating func handle(
    _ byte: UInt8, at position: Int, into layout: inout IRCLineScanner.Layout
  ) throws(IRCParseError) -> Bool {
    if byte == UInt8(ascii: "=") {
      if equals < 0 { equals = position }
      return false
    }
    let isSpace = byte == UInt8(ascii: " ")
    if isSpace && afterSemicolon && keyStart == position { return true }  // `a=b; CMD`
    let keyEnd = equals < 0 ? position : equals
    guard keyEnd > keyStart else { throw .invalidTag(at: keyStart) }
    let value = equals < 0 ? position..<position : equals + 1..<position
    layout.tags.append(IRCLine.TagRange(key: keyStart..<keyEnd, value: value))
    keyStart = position + 1
    equals = -1
    afterSemicolon = true
    return isSpace
  }
}
