extension LineBytes {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Non-zero where a byte of `word` is zero; the lowest flagged byte is always a real zero.
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- ones) & ~word & highs
  }

  /// The first index in `start..<end` holding `first` or `second`, or `end`. Eight bytes at a time.
  @inline(__always)
  func firstIndex(of first: UInt8, or second: UInt8, from start: Int, to end: Int) -> Int {
    let firstMask = Self.ones &* UInt64(first)
    let secondMask = Self.ones &* UInt64(second)
    var index = start
    if let base = UnsafeRawPointer(base.baseAddress) {
      while index + 8 <= end {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let found = Self.zeroBytes(word ^ firstMask) | Self.zeroBytes(word ^ secondMask)
        if found != 0 { return index + found.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < end {
      let byte = self.base[index]
      if byte == first || byte == second { return index }
      index += 1
    }
    return end
  }

  /// The first index in `start..<end` holding any of three bytes, or `end`.
  @inline(__always)
  func firstIndex(of first: UInt8, _ second: UInt8, _ third: UInt8, from start: Int, to end: Int) -> Int {
    let firstMask = Self.ones &* UInt64(first)
    let secondMask = Self.ones &* UInt64(second)
    let thirdMask = Self.ones &* UInt64(third)
    var index = start
    if let base = UnsafeRawPointer(base.baseAddress) {
      while index + 8 <= end {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let found =
          Self.zeroBytes(word ^ firstMask) | Self.zeroBytes(word ^ secondMask) | Self.zeroBytes(word ^ thirdMask)
        if found != 0 { return index + found.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < end {
      let byte = self.base[index]
      if byte == first || byte == second || byte == third { return index }
      index += 1
    }
    return end
  }
}

extension LineBytes {
  /// 0x80 in each byte of `word` that is `=`, `;` or a space; exact in every byte (no borrows).
  @inline(__always)
  static func tagDelimiters(_ word: UInt64) -> UInt64 {
    exactZeroBytes(word ^ 0x3D3D_3D3D_3D3D_3D3D) | exactZeroBytes(word ^ 0x3B3B_3B3B_3B3B_3B3B)
      | exactZeroBytes(word ^ 0x2020_2020_2020_2020)
  }

  @inline(__always)
  private static func exactZeroBytes(_ word: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((word & low) &+ low) | word | low)
  }
}
