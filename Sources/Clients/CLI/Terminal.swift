#if canImport(Glibc)
  import Glibc
#endif

/// ANSI styling, on only when standard output is a terminal and `NO_COLOR` is unset.
public struct Style: Sendable {
  public let enabled: Bool

  public init(enabled: Bool) { self.enabled = enabled }

  /// Styling suited to this process's standard output.
  public static func forStandardOutput(environment: [String: String]) -> Style {
    let terminal = isatty(STDOUT_FILENO) == 1
    let wanted = environment["NO_COLOR"].map(\.isEmpty) ?? true
    return Style(enabled: terminal && wanted && environment["TERM"] != "dumb")
  }

  public enum Color: String, Sendable {
    case red = "31"
    case green = "32"
    case yellow = "33"
    case blue = "34"
    case magenta = "35"
    case cyan = "36"
    case gray = "90"
    case bold = "1"
  }

  public func paint(_ text: String, _ color: Color) -> String {
    enabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
  }
}
