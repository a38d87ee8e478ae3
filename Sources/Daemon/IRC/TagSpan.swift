/// A compact byte range of a line (8 bytes), with a value for "absent".
struct TagSpan: Sendable, Hashable {
  var start: Int32
  var end: Int32

  static let absent = TagSpan(start: -1, end: -1)

  init(start: Int32, end: Int32) {
    self.start = start
    self.end = end
  }

  init(_ range: Range<Int>) {
    self.start = Int32(truncatingIfNeeded: range.lowerBound)
    self.end = Int32(truncatingIfNeeded: range.upperBound)
  }

  var isPresent: Bool { start >= 0 }

  /// The range, or nil when absent.
  var range: Range<Int>? { start >= 0 ? Int(start)..<Int(end) : nil }

  /// The range, or an empty one when absent.
  var rangeOrEmpty: Range<Int> { start >= 0 ? Int(start)..<Int(end) : 0..<0 }
}
