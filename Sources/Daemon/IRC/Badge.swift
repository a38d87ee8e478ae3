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
  /// Parses `name/version,name/version`; entries without a name are skipped.
  static func list(_ bytes: LineBytes, _ range: Range<Int>) -> [Badge] {
    guard !range.isEmpty else { return [] }
    if bytes.firstIndex(of: UInt8(ascii: "\\"), in: range) < range.upperBound {
      let unescaped = bytes.unescaped(range)
      return unescaped.withUnsafeBufferPointer { list(LineBytes(base: $0), $0.indices) }
    }
    var badges: [Badge] = []
    var start = range.lowerBound
    while start < range.upperBound {
      let entryEnd = bytes.firstIndex(of: UInt8(ascii: ","), in: start..<range.upperBound)
      let slash = bytes.firstIndex(of: UInt8(ascii: "/"), in: start..<entryEnd)
      if slash > start {
        let version = slash < entryEnd ? bytes.string(slash + 1..<entryEnd) : ""
        badges.append(Badge(bytes.string(start..<slash), version))
      }
      start = entryEnd + 1
    }
    return badges
  }
}
