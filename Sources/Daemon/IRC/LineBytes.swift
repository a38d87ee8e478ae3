/// A borrowed view of a line's bytes with the scanning helpers the typed parsers share.
/// Only valid inside `IRCLine.withBytes`.
struct LineBytes {
  let base: UnsafeBufferPointer<UInt8>

  @inline(__always)
  subscript(index: Int) -> UInt8 { base[index] }

  /// The bytes in `range` as a String (invalid UTF-8 is repaired), without unescaping.
  @inline(__always)
  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: base[range]), as: UTF8.self)
  }

  /// The bytes in `range` as a String, or nil when the range is empty.
  @inline(__always)
  func nonEmptyString(_ range: Range<Int>) -> String? {
    range.isEmpty ? nil : string(range)
  }

  /// A tag value with IRCv3 escapes undone.
  func value(_ range: Range<Int>) -> String {
    guard contains(UInt8(ascii: "\\"), in: range) else { return string(range) }
    return String(decoding: unescaped(range), as: UTF8.self)
  }

  /// A tag value with IRCv3 escapes undone, or nil when empty.
  func nonEmptyValue(_ range: Range<Int>) -> String? {
    range.isEmpty ? nil : value(range)
  }

  /// IRCv3 unescaping: `\s` space, `\:` semicolon, `\\` backslash, `\r`, `\n`; an unknown escape
  /// drops the backslash and a trailing lone backslash is dropped.
  func unescaped(_ range: Range<Int>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(range.count)
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = base[index]
      index += 1
      guard byte == UInt8(ascii: "\\") else {
        result.append(byte)
        continue
      }
      guard index < range.upperBound else { break }
      let escaped = base[index]
      index += 1
      switch escaped {
      case UInt8(ascii: "s"): result.append(UInt8(ascii: " "))
      case UInt8(ascii: ":"): result.append(UInt8(ascii: ";"))
      case UInt8(ascii: "r"): result.append(13)
      case UInt8(ascii: "n"): result.append(10)
      default: result.append(escaped)
      }
    }
    return result
  }

  /// Whether the bytes in `range` are exactly `literal` (ASCII). Eight bytes at a time: with a
  /// literal, the compiler folds its words into constants.
  @inline(__always)
  func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard range.count == count else { return false }
    let other = UnsafeRawPointer(literal.utf8Start)
    let start = range.lowerBound
    guard count >= 8, let line = UnsafeRawPointer(base.baseAddress) else {
      var index = 0
      while index < count {
        if base[start &+ index] != other.load(fromByteOffset: index, as: UInt8.self) { return false }
        index &+= 1
      }
      return true
    }
    // Whole words, the last one overlapping the one before it.
    var offset = 0
    while offset < count &- 8 {
      let word = line.loadUnaligned(fromByteOffset: start &+ offset, as: UInt64.self)
      if word != other.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
      offset &+= 8
    }
    let last = line.loadUnaligned(fromByteOffset: start &+ count &- 8, as: UInt64.self)
    return last == other.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
  }

  /// Whether the bytes in `range` begin with `literal`.
  @inline(__always)
  func hasPrefix(_ range: Range<Int>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard range.count >= count else { return false }
    return equals(range.lowerBound..<range.lowerBound + count, literal)
  }

  /// A decimal integer, optionally negative; nil when empty, not a number, or too large.
  func int(_ range: Range<Int>) -> Int? {
    var index = range.lowerBound
    var negative = false
    if index < range.upperBound && base[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    guard index < range.upperBound, range.upperBound - index <= 18 else { return nil }
    var value = 0
    while index < range.upperBound {
      let digit = base[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
      index += 1
    }
    return negative ? -value : value
  }

  /// A Twitch boolean tag: true unless empty or `0`.
  @inline(__always)
  func flag(_ range: Range<Int>) -> Bool {
    !(range.isEmpty || (range.count == 1 && base[range.lowerBound] == UInt8(ascii: "0")))
  }

  /// A channel parameter without its `#`.
  func channel(_ range: Range<Int>) -> String {
    if !range.isEmpty && base[range.lowerBound] == UInt8(ascii: "#") {
      return string(range.lowerBound + 1..<range.upperBound)
    }
    return string(range)
  }

  /// The first index of `byte` in `range`, or `range.upperBound`.
  @inline(__always)
  func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int {
    var index = range.lowerBound
    while index < range.upperBound && base[index] != byte { index += 1 }
    return index
  }
}

extension LineBytes {
  /// A message body: a CTCP `ACTION` (`/me`) is unwrapped and reported; a missing closing
  /// `\x01` is tolerated.
  func body(_ range: Range<Int>) -> (text: String, isAction: Bool) {
    guard hasPrefix(range, "\u{1}ACTION ") else { return (string(range), false) }
    var end = range.upperBound
    if end > range.lowerBound + 8 && base[end - 1] == 1 { end -= 1 }
    return (string(range.lowerBound + 8..<end), true)
  }
}

extension LineBytes {
  /// The number of Unicode scalars the bytes in `range` decode to (invalid bytes count as one
  /// replacement character each, as `String(decoding:)` makes them).
  func scalarCount(_ range: Range<Int>) -> Int {
    if isASCII(range) { return range.count }
    // The repaired string is valid UTF-8: every byte that is not a continuation byte starts a scalar.
    var count = 0
    for byte in string(range).utf8 where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }
}
