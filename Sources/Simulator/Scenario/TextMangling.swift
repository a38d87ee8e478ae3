/// Text transformations the spam and shouting steps use.
public enum TextMangling {
  /// Latin letters and the Cyrillic letters that look like them.
  public static let lookalikes: [Character: Character] = [
    "a": "\u{0430}", "e": "\u{0435}", "o": "\u{043E}", "i": "\u{0456}", "c": "\u{0441}", "p": "\u{0440}",
    "x": "\u{0445}", "y": "\u{0443}", "s": "\u{0455}", "A": "\u{0410}", "E": "\u{0415}", "O": "\u{041E}",
    "C": "\u{0421}", "P": "\u{0420}", "T": "\u{0422}", "H": "\u{041D}", "K": "\u{041A}", "M": "\u{041C}",
  ]

  /// Swaps about `share` of the letters that have a Cyrillic lookalike (at least one when any
  /// has), leaving words that contain a `.` or `/` (links) untouched so they still work.
  public static func withLookalikes(_ text: String, share: Double = 0.5, using random: inout SeededRandom) -> String {
    var characters = Array(text)
    var eligible: [Int] = []
    var wordStart = 0
    for index in 0...characters.count {
      guard index == characters.count || characters[index] == " " else { continue }
      let word = characters[wordStart..<index]
      if !word.contains(".") && !word.contains("/") {
        eligible += (wordStart..<index).filter { lookalikes[characters[$0]] != nil }
      }
      wordStart = index + 1
    }
    var chosen = eligible.filter { _ in random.chance(share) }
    if chosen.isEmpty, !eligible.isEmpty { chosen = [eligible[random.below(eligible.count)]] }
    for index in chosen { characters[index] = lookalikes[characters[index]]! }
    return String(characters)
  }

  /// Maps lookalike letters back to Latin ones (for tests and for checking a mangled text).
  public static func folded(_ text: String) -> String {
    let back = Dictionary(uniqueKeysWithValues: lookalikes.map { ($0.value, $0.key) })
    return String(text.map { back[$0] ?? $0 })
  }

  /// Replaces `{name}` placeholders.
  public static func fill(_ template: String, _ values: [String: String]) -> String {
    var text = template
    for (name, value) in values { text = text.replacing("{\(name)}", with: value) }
    return text
  }

  /// A short link like spam uses: `bit.ly/3xK9qPz`.
  public static func link(host: String, using random: inout SeededRandom) -> String {
    let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    return host + "/" + String((0..<7).map { _ in alphabet[random.below(alphabet.count)] })
  }
}
