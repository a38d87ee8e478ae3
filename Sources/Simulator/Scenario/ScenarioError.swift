/// A scenario that cannot be read or played: what was wrong and where (file, line, column).
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of problem it is, for tests and callers that branch on it.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable {
      case syntax, unknownKey, missingKey, badValue, unknownReference, unreadable, refused
    }
    private let base: Base

    /// The text is not well-formed YAML.
    public static let syntax = Code(base: .syntax)
    /// A mapping has a key the format does not know.
    public static let unknownKey = Code(base: .unknownKey)
    /// A required key is absent.
    public static let missingKey = Code(base: .missingKey)
    /// A value has the wrong type or is out of range.
    public static let badValue = Code(base: .badValue)
    /// A login, channel, app or message label that nothing declares.
    public static let unknownReference = Code(base: .unknownReference)
    /// The file cannot be read.
    public static let unreadable = Code(base: .unreadable)
    /// The world refused a change while the scenario was loaded.
    public static let refused = Code(base: .refused)

    public var description: String { base.rawValue }
  }

  public var code: Code
  /// The file (or the name given to `Scenario.parse`).
  public var source: String
  /// 1-based line of the offending node, when known.
  public var line: Int?
  /// 1-based column (in Unicode scalars) of the offending node, when known.
  public var column: Int?
  public var message: String

  public init(code: Code, source: String, line: Int?, column: Int?, message: String) {
    self.code = code
    self.source = source
    self.line = line
    self.column = column
    self.message = message
  }

  /// `source:line:column: message`, as compilers print it.
  public var description: String {
    var location = source
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    return "\(location): \(message)"
  }
}
