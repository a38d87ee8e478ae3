/// An emote and where it occurs in a message: inclusive ranges of Unicode-scalar offsets.
public struct Emote: Sendable, Hashable {
  public var id: String
  public var ranges: [ClosedRange<Int>]

  public init(id: String, ranges: [ClosedRange<Int>]) {
    self.id = id
    self.ranges = ranges
  }
}

extension Emote {
  /// Parses `id:start-end,start-end/id:start-end`. Malformed ranges, and ranges outside a text
  /// of `scalarCount` Unicode scalars, are dropped; an emote left without ranges is dropped.
  static func list(_ bytes: LineBytes, _ range: Range<Int>, scalarCount: Int) -> [Emote] {
    guard !range.isEmpty else { return [] }
    var emotes: [Emote] = []
    emotes.reserveCapacity(bytes.count(of: UInt8(ascii: "/"), in: range) + 1)
    var start = range.lowerBound
    while start < range.upperBound {
      let entryEnd = bytes.firstIndex(of: UInt8(ascii: "/"), in: start..<range.upperBound)
      let colon = bytes.firstIndex(of: UInt8(ascii: ":"), in: start..<entryEnd)
      if colon > start && colon < entryEnd {
        let ranges = positions(bytes, colon + 1..<entryEnd, scalarCount: scalarCount)
        if !ranges.isEmpty { emotes.append(Emote(id: bytes.string(start..<colon), ranges: ranges)) }
      }
      start = entryEnd + 1
    }
    return emotes
  }

  private static func positions(_ bytes: LineBytes, _ range: Range<Int>, scalarCount: Int) -> [ClosedRange<Int>] {
    var ranges: [ClosedRange<Int>] = []
    ranges.reserveCapacity(bytes.count(of: UInt8(ascii: ","), in: range) + 1)
    var start = range.lowerBound
    while start < range.upperBound {
      let entryEnd = bytes.firstIndex(of: UInt8(ascii: ","), in: start..<range.upperBound)
      let dash = bytes.firstIndex(of: UInt8(ascii: "-"), in: start..<entryEnd)
      if dash < entryEnd, let first = bytes.int(start..<dash), let last = bytes.int(dash + 1..<entryEnd),
        first >= 0, first <= last, last < scalarCount
      {
        ranges.append(first...last)
      }
      start = entryEnd + 1
    }
    return ranges
  }

  /// The number of Unicode scalars in `text`.
  static func scalarCount(of text: String) -> Int {
    var count = 0
    for byte in text.utf8 where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }
}
