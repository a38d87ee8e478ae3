/// Looks a line's tags up by key for the typed parsers. Each search starts where the last one
/// ended: Twitch sends tags in alphabetical order, so lookups made in that order cost one or two
/// comparisons each, and any order still works.
struct TagReader {
  let tags: [IRCLine.TagRange]
  let bytes: LineBytes
  private var cursor = 0

  init(_ line: borrowing IRCLine, _ bytes: LineBytes) {
    self.tags = line.tagRanges
    self.bytes = bytes
  }

  /// The raw value range of the tag `key`.
  mutating func valueRange(_ key: StaticString) -> Range<Int>? {
    let count = tags.count
    var index = cursor
    for _ in 0..<count {
      if index == count { index = 0 }
      let tag = tags[index]
      index += 1
      if bytes.equals(tag.key, key) {
        cursor = index
        return tag.value
      }
    }
    return nil
  }

  /// The unescaped value of tag `key`, nil when absent or empty.
  mutating func value(_ key: StaticString) -> String? {
    valueRange(key).flatMap { bytes.nonEmptyValue($0) }
  }

  /// The unescaped value of tag `key`, empty when absent.
  mutating func string(_ key: StaticString) -> String {
    valueRange(key).map { bytes.value($0) } ?? ""
  }

  /// The integer value of tag `key`.
  mutating func int(_ key: StaticString) -> Int? {
    valueRange(key).flatMap { bytes.int($0) }
  }

  /// The boolean value of tag `key`; nil when absent.
  mutating func flag(_ key: StaticString) -> Bool? {
    valueRange(key).map { bytes.flag($0) }
  }

  /// The badges in tag `key`.
  mutating func badges(_ key: StaticString) -> [Badge] {
    valueRange(key).map { Badge.list(bytes, $0) } ?? []
  }
}
