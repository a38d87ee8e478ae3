/// Durations as moderators type them: `30s`, `10m`, `1h30m`, `2d`, `1w`, or a plain number of
/// seconds; and the same compact form for output.
public enum DurationText {
  /// The units, largest first, with their length in seconds.
  static let units: [(symbol: Character, seconds: Int)] = [
    ("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1),
  ]

  /// Seconds in `text`: digits alone are seconds, otherwise numbers each followed by a unit
  /// (`w`, `d`, `h`, `m`, `s`), every unit at most once and largest first, like `1h30m`.
  public static func seconds(_ text: String) throws(DurationError) -> Int {
    let input = text.lowercased()
    guard !input.isEmpty else { throw DurationError(text, "it is empty") }
    if input.allSatisfy(\.isASCIIDigit) { return try number(input, in: text) }
    var total = 0
    var digits = ""
    var allowed = units[...]
    for character in input {
      if character.isASCIIDigit {
        digits.append(character)
        continue
      }
      guard let index = allowed.firstIndex(where: { $0.symbol == character }) else {
        if units.contains(where: { $0.symbol == character }) {
          throw DurationError(text, "'\(character)' comes twice or after a smaller unit; write units largest first")
        }
        throw DurationError(text, "'\(character)' is not a unit; use w, d, h, m or s")
      }
      guard !digits.isEmpty else { throw DurationError(text, "'\(character)' has no number before it") }
      let (part, overflow) = try number(digits, in: text).multipliedReportingOverflow(by: allowed[index].seconds)
      guard !overflow else { throw DurationError(text, "it is far too long") }
      let (sum, overflowed) = total.addingReportingOverflow(part)
      guard !overflowed else { throw DurationError(text, "it is far too long") }
      total = sum
      digits = ""
      allowed = allowed[(index + 1)...]
    }
    guard digits.isEmpty else { throw DurationError(text, "'\(digits)' at the end has no unit") }
    return total
  }

  /// The exact compact form: `30s`, `10m`, `1h30m`, `2w3d`; `0s` for zero.
  public static func format(seconds: Int) -> String {
    guard seconds > 0 else { return "0s" }
    var rest = seconds
    var text = ""
    for unit in units where rest >= unit.seconds {
      text += "\(rest / unit.seconds)\(unit.symbol)"
      rest %= unit.seconds
    }
    return text
  }

  /// The two largest units, rounded down, for times that pass anyway: `3h12m`, `2d`, `45s`.
  public static func approximate(seconds: Int) -> String {
    guard let first = units.firstIndex(where: { seconds >= $0.seconds }) else { return "0s" }
    let kept = units.index(after: first) < units.endIndex ? units[units.index(after: first)].seconds : 1
    return format(seconds: seconds / kept * kept)
  }

  private static func number(_ digits: String, in text: String) throws(DurationError) -> Int {
    guard digits.count <= 12, let value = Int(digits) else { throw DurationError(text, "it is far too long") }
    return value
  }
}

/// A duration that could not be read, with the reason.
public struct DurationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The text as given.
  public let text: String
  /// What is wrong with it.
  public let reason: String

  init(_ text: String, _ reason: String) {
    self.text = text
    self.reason = reason
  }

  public var description: String {
    "'\(text)' is not a duration: \(reason) (examples: 30s, 10m, 1h30m, 2d, 1w; a plain number is seconds)"
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
