/// The byte ranges of a line's parameters: the first four inline, any others in an array, so the
/// lines Twitch sends (one to four parameters) need no allocation.
struct ParamRanges: Sendable, RandomAccessCollection {
  private var first = TagSpan.absent
  private var second = TagSpan.absent
  private var third = TagSpan.absent
  private var fourth = TagSpan.absent
  private var overflow: [Range<Int>] = []
  private(set) var count = 0

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  subscript(index: Int) -> Range<Int> {
    switch index {
    case 0: return first.rangeOrEmpty
    case 1: return second.rangeOrEmpty
    case 2: return third.rangeOrEmpty
    case 3: return fourth.rangeOrEmpty
    default: return overflow[index - 4]
    }
  }

  mutating func append(_ range: Range<Int>) {
    switch count {
    case 0: first = TagSpan(range)
    case 1: second = TagSpan(range)
    case 2: third = TagSpan(range)
    case 3: fourth = TagSpan(range)
    default: overflow.append(range)
    }
    count += 1
  }
}
