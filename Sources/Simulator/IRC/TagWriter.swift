import Foundation

/// Builds a tag string (`key=value;…`) in the order the keys are added, escaping values.
/// Twitch orders tags as if it sorted the `key=value` strings; renderers add keys in that
/// order (the tests check it with `isTwitchOrdered`).
struct TagWriter {
  private(set) var text = ""

  init(capacity: Int = 256) { text.reserveCapacity(capacity) }

  /// Adds a tag whose value needs escaping.
  mutating func add(_ key: StaticString, _ value: String) {
    separate(key)
    IRCTagValue.escape(value, into: &text)
  }

  /// Adds a tag whose value is known to be safe (digits, ids, badge lists).
  mutating func addPlain(_ key: StaticString, _ value: String) {
    separate(key)
    text.append(value)
  }

  mutating func add(_ key: StaticString, _ value: Int) { addPlain(key, String(value)) }

  mutating func add(_ key: StaticString, _ flag: Bool) { addPlain(key, flag ? "1" : "0") }

  mutating func add(_ key: StaticString, milliseconds date: Date) {
    addPlain(key, String(Int64((date.timeIntervalSince1970 * 1000).rounded())))
  }

  /// Adds an already escaped `key=value` pair.
  mutating func addPair(_ pair: String) {
    if !text.isEmpty { text.append(";") }
    text.append(pair)
  }

  private mutating func separate(_ key: StaticString) {
    if !text.isEmpty { text.append(";") }
    key.withUTF8Buffer { text.append(String(decoding: $0, as: UTF8.self)) }
    text.append("=")
  }

  /// Whether `tags` are in Twitch's order: the `key=value` strings sorted byte by byte.
  static func isTwitchOrdered(_ tags: String) -> Bool {
    let pairs = tags.split(separator: ";").map { Array($0.utf8) }
    return zip(pairs, pairs.dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) }
  }
}
