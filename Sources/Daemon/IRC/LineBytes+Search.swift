#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension LineBytes {
  private static let ones: UInt64 = 0x0101_0101_0101_0101

  /// 0x80 in each byte of `word` that is `byte`, 0 elsewhere; exact in every byte (no borrows).
  @inline(__always)
  static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let difference = word ^ (ones &* UInt64(byte))
    return ~(((difference & low) &+ low) | difference | low)
  }

  /// The eight bytes at `index` as a little-endian word; `index + 8` must be at most the count.
  @inline(__always)
  func word(at index: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self))
  }

  /// The first index in `start..<end` holding `first` or `second`, or `end`. Eight bytes at a
  /// time; the words may reach past `end` (never past the line), what is found there is ignored.
  @inline(__always)
  func firstIndex(of first: UInt8, or second: UInt8, from start: Int, to end: Int) -> Int {
    var index = start
    let lastWord = base.count - 8
    while index < end && index <= lastWord {
      let word = word(at: index)
      let found = Self.bytesEqual(word, first) | Self.bytesEqual(word, second)
      if found != 0 { return Swift.min(index + found.trailingZeroBitCount / 8, end) }
      index += 8
    }
    while index < end {
      let byte = base[index]
      if byte == first || byte == second { return index }
      index += 1
    }
    return end
  }

  /// The first index in `start..<end` holding `byte`, or `end`, found by the C library's `memchr`
  /// (vectorized): for long stretches such as the tag section.
  func memoryIndex(of byte: UInt8, from start: Int, to end: Int) -> Int {
    guard start < end, let base = base.baseAddress else { return end }
    guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// The first index in `start..<end` holding `byte`, or `end`. Eight bytes at a time.
  @inline(__always)
  func firstIndex(of byte: UInt8, from start: Int, to end: Int) -> Int {
    var index = start
    let lastWord = base.count - 8
    while index < end && index <= lastWord {
      let found = Self.bytesEqual(word(at: index), byte)
      if found != 0 { return Swift.min(index + found.trailingZeroBitCount / 8, end) }
      index += 8
    }
    while index < end && base[index] != byte { index += 1 }
    return end < index ? end : index
  }
}

extension LineBytes {
  /// Whether every byte in `range` is ASCII; eight bytes at a time.
  func isASCII(_ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    var high: UInt64 = 0
    while index &+ 8 <= range.upperBound {
      high |= word(at: index)
      index &+= 8
    }
    while index < range.upperBound {
      high |= UInt64(base[index])
      index &+= 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }

  /// How many times `byte` occurs in `range` (a short one: a badge or emote list).
  func count(of byte: UInt8, in range: Range<Int>) -> Int {
    var count = 0
    var index = range.lowerBound
    while index < range.upperBound {
      if base[index] == byte { count &+= 1 }
      index &+= 1
    }
    return count
  }

  /// Whether `byte` occurs in `range`; eight bytes at a time.
  func contains(_ byte: UInt8, in range: Range<Int>) -> Bool {
    var index = range.lowerBound
    var found: UInt64 = 0
    while index &+ 8 <= range.upperBound {
      found |= Self.bytesEqual(word(at: index), byte)
      index &+= 8
    }
    while index < range.upperBound {
      if base[index] == byte { return true }
      index &+= 1
    }
    return found != 0
  }
}
