extension IRCLineScanner {
  /// Checks `@key=value;…` and returns the index of the space after it.
  ///
  /// A key starts at byte 1 and after each `;`; the section is valid when no key starts with `;`
  /// or `=`. This checks eight bytes at a time without branching on each delimiter; anything
  /// unusual (an empty key, a line ending inside the tags, a short line) is left to
  /// `scanTagsExactly`, which gives the exact error.
  func scanTags() throws(IRCParseError) -> Int {
    guard end > 9, bytes[1] != Self.space, let base = UnsafeRawPointer(bytes.base.baseAddress) else {
      return try scanTagsExactly()
    }
    var index = 1
    // The flags (0x80 in a byte) of the key starts carried into the next word: byte 1 starts one.
    var carried: UInt64 = 0x80
    while index + 8 <= end {
      let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      let semicolons = LineBytes.bytesEqual(word, UInt8(ascii: ";"))
      let equals = LineBytes.bytesEqual(word, UInt8(ascii: "="))
      let spaces = LineBytes.bytesEqual(word, Self.space)
      var empty = (carried | (semicolons << 8)) & (semicolons | equals)
      if spaces != 0 {
        let space = spaces.trailingZeroBitCount / 8
        empty &= (1 << (space * 8)) &- 1
        if empty == 0 { return index + space }
      }
      if empty != 0 { break }
      carried = semicolons >> 56
      index += 8
    }
    return try scanTagsExactly()
  }

  /// The tag section one byte at a time: the index of the space that ends it, or the error of the
  /// first empty key, or `missingCommand` when the line ends inside the tags.
  func scanTagsExactly() throws(IRCParseError) -> Int {
    var keyStart = 1
    var equals = -1
    var afterSemicolon = false
    var index = 1
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "=") {
        if equals < 0 { equals = index }
      } else if byte == UInt8(ascii: ";") || byte == Self.space {
        let isSpace = byte == Self.space
        if isSpace && afterSemicolon && keyStart == index { return index }  // `a=b; CMD`
        guard (equals < 0 ? index : equals) > keyStart else { throw .invalidTag(at: keyStart) }
        if isSpace { return index }
        keyStart = index + 1
        equals = -1
        afterSemicolon = true
      }
      index += 1
    }
    throw .missingCommand(at: end)
  }
}
