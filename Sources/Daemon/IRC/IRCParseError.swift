/// A line that is not a well-formed IRC message: what was wrong, and at which byte offset.
///
/// Two errors are equal when they are of the same kind; `offset` is not part of equality,
/// so tests can compare against the static values (`IRCParseError.emptyLine`).
public struct IRCParseError: Error, Sendable, Hashable, CustomStringConvertible {
  private enum Code: Sendable, Hashable {
    case emptyLine
    case missingCommand
    case invalidTag
    case invalidPrefix
    case invalidCommand
    case lineTooLong
  }

  private let code: Code
  /// The byte offset in the line (CRLF excluded) where the problem was found.
  public let offset: Int

  private init(_ code: Code, at offset: Int) {
    self.code = code
    self.offset = offset
  }

  /// The line is empty, or only a line ending.
  public static let emptyLine = IRCParseError(.emptyLine, at: 0)
  /// The line ends before a command: only tags, only a prefix, or nothing after them.
  public static let missingCommand = IRCParseError(.missingCommand, at: 0)
  /// The tag section is empty or has a tag with an empty key.
  public static let invalidTag = IRCParseError(.invalidTag, at: 0)
  /// The prefix after `:` is empty.
  public static let invalidPrefix = IRCParseError(.invalidPrefix, at: 0)
  /// The command is neither letters nor a three-digit numeric.
  public static let invalidCommand = IRCParseError(.invalidCommand, at: 0)
  /// The line is longer than 2,147,483,647 bytes, the most a parsed line keeps offsets for.
  public static let lineTooLong = IRCParseError(.lineTooLong, at: 0)

  static func emptyLine(at offset: Int) -> Self { Self(.emptyLine, at: offset) }
  static func missingCommand(at offset: Int) -> Self { Self(.missingCommand, at: offset) }
  static func invalidTag(at offset: Int) -> Self { Self(.invalidTag, at: offset) }
  static func invalidPrefix(at offset: Int) -> Self { Self(.invalidPrefix, at: offset) }
  static func invalidCommand(at offset: Int) -> Self { Self(.invalidCommand, at: offset) }
  static func lineTooLong(at offset: Int) -> Self { Self(.lineTooLong, at: offset) }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }

  public var description: String {
    switch code {
    case .emptyLine: "IRC line is empty"
    case .missingCommand: "IRC line ends at byte \(offset) before a command"
    case .invalidTag: "IRC tag at byte \(offset) is empty or has an empty key"
    case .invalidPrefix: "IRC prefix at byte \(offset) is empty"
    case .invalidCommand: "IRC command at byte \(offset) is neither letters nor a three-digit numeric"
    case .lineTooLong: "IRC line is longer than the \(offset) bytes a line may have"
    }
  }
}
