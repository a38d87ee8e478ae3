/// Walks a tag section (`@key=value;…` up to the space after it) one tag at a time. A tag
/// without `=` has an empty value at the end of its key. The walk stops at an empty key, which
/// only an unchecked section has (`foundEmptyKey`).
///
/// The section is read eight bytes at a time at a fixed stride, and the delimiters found in each
/// word are consumed in order: no load waits for the position of the previous delimiter.
struct TagIterator: IteratorProtocol {
  private let bytes: LineBytes
  /// The space that ends the section (0: no tags).
  private let end: Int
  private var keyStart = 1
  /// The first `=` of the current tag, or -1.
  private var equals = -1
  /// Where the current word starts, and its delimiters not yet consumed (0x80 in each such byte).
  private var wordStart = 1
  private var pending: UInt64 = 0
  private var pendingEquals: UInt64 = 0
  /// Whether the walk stopped at an empty key: the section was not checked and is invalid.
  private(set) var foundEmptyKey = false

  /// The tags of a section that ends at the space at `end` (0: no tags).
  init(_ bytes: LineBytes, end: Int) {
    self.bytes = bytes
    self.end = end
    if end > 0 { load() }
  }

  @inline(__always)
  mutating func next() -> IRCLine.TagRange? {
    while true {
      while pending == 0 {
        guard wordStart &+ 8 <= end else { return nil }  // The word holding `end` is consumed.
        wordStart &+= 8
        load()
      }
      let bit = pending & (0 &- pending)
      pending ^= bit
      let position = wordStart &+ bit.trailingZeroBitCount &>> 3
      if pendingEquals & bit != 0 {
        if equals < 0 { equals = position }
        continue
      }
      // `;` or the closing space.
      let keyEnd = equals < 0 ? position : equals
      guard keyEnd > keyStart else {
        // The space right after a `;` ends the tags (`a=b; CMD`); any other empty key is an error.
        if position != keyStart || keyStart != end || keyStart == 1 { foundEmptyKey = true }
        return nil
      }
      let key = Range(uncheckedBounds: (keyStart, keyEnd))
      let value = Range(uncheckedBounds: (equals < 0 ? position : equals &+ 1, position))
      keyStart = position &+ 1
      equals = -1
      return IRCLine.TagRange(key: key, value: value)
    }
  }

  /// Finds the delimiters of the word at `wordStart`, up to and including `end`.
  @inline(__always)
  private mutating func load() {
    let word = word(at: wordStart)
    let equalSigns = LineBytes.bytesEqual(word, UInt8(ascii: "="))
    var found = equalSigns | LineBytes.bytesEqual(word, UInt8(ascii: ";"))
    let last = end &- wordStart  // The byte of `end` in this word, if below 8.
    if last < 8 {
      found &= (1 << (last * 8)) &- 1
      found |= 0x80 << (last * 8)
    }
    pending = found
    pendingEquals = equalSigns
  }

  /// The eight bytes at `index`, zero past the end of the line.
  @inline(__always)
  private func word(at index: Int) -> UInt64 {
    let count = bytes.base.count
    if index &+ 8 <= count { return bytes.word(at: index) }
    var word: UInt64 = 0
    var shift: UInt64 = 0
    var byteIndex = index
    while byteIndex < count {
      word |= UInt64(bytes[byteIndex]) << shift
      shift += 8
      byteIndex += 1
    }
    return word
  }
}
