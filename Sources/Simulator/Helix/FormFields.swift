import Foundation

/// Fields of a query string or an `application/x-www-form-urlencoded` body, in order, with
/// repeats kept (`id=1&id=2`). Twitch reads OAuth parameters from either place.
struct FormFields: Sendable, Equatable {
  private(set) var pairs: [(name: String, value: String)] = []

  init() {}

  /// Parses `a=1&b=two+words&c=%2F`: `+` is a space, percent escapes are decoded.
  init(encoded: some StringProtocol) {
    for part in encoded.split(separator: "&", omittingEmptySubsequences: true) {
      let (name, value) =
        if let equals = part.firstIndex(of: "=") {
          (part[..<equals], part[part.index(after: equals)...])
        } else {
          (part[...], part[part.endIndex...])
        }
      pairs.append((Self.decode(name), Self.decode(value)))
    }
  }

  /// The first value of a field, `nil` when absent or empty.
  subscript(name: String) -> String? {
    pairs.first { $0.name == name && !$0.value.isEmpty }?.value
  }

  /// Every value of a repeated field, in order, skipping empty ones.
  func all(_ name: String) -> [String] {
    pairs.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
  }

  /// These fields followed by `other`'s, so `other` wins for single-valued lookups only when
  /// these lack the field.
  func merging(_ other: FormFields) -> FormFields {
    var merged = self
    merged.pairs += other.pairs
    return merged
  }

  static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
  }

  private static func decode(_ text: some StringProtocol) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}
