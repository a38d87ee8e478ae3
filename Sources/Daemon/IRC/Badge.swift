/// A chat badge, `name/version`, from the `badges` or `badge-info` tag
/// (in `badge-info`, the version of `subscriber` is the exact number of months).
public struct Badge: Sendable, Hashable {
  public var name: String
  public var version: String

  public init(_ name: String, _ version: String) {
    self.name = name
    self.version = version
  }
}

extension Badge {
  /// Parses `name/version,name/version`; entries without a name are skipped. One pass over the
  /// bytes after checking for escapes.
  static func list(_ bytes: LineBytes, _ range: Range<Int>) -> [Badge] {
    guard !range.isEmpty else { return [] }
    if bytes.contains(UInt8(ascii: "\\"), in: range) {
      let unescaped = bytes.unescaped(range)
      return unescaped.withUnsafeBufferPointer { list(LineBytes(base: $0), $0.indices) }
    }
    var badges: [Badge] = []
    badges.reserveCapacity(bytes.count(of: UInt8(ascii: ","), in: range) + 1)
    var start = range.lowerBound
    var slash = -1
    for index in range {
      switch bytes[index] {
      case UInt8(ascii: ","):
        append(bytes, start, slash, index, to: &badges)
        start = index + 1
        slash = -1
      case UInt8(ascii: "/") where slash < 0:
        slash = index
      default:
        break
      }
    }
    append(bytes, start, slash, range.upperBound, to: &badges)
    return badges
  }

  /// The entry `start..<end` with its first `/` at `slash` (-1: none), unless its name is empty.
  @inline(__always)
  private static func append(_ bytes: LineBytes, _ start: Int, _ slash: Int, _ end: Int, to badges: inout [Badge]) {
    let nameEnd = slash < 0 ? end : slash
    guard nameEnd > start else { return }
    badges.append(Badge(bytes.string(start..<nameEnd), slash < 0 ? "" : bytes.string(slash + 1..<end)))
  }
}
