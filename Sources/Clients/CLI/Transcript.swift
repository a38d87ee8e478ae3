import Synchronization

/// What one run of the CLI wrote, kept instead of written: for tests, through
/// `WardenCommand.run(arguments:transcript:)`.
public final class Transcript: Sendable {
  private let lines = Mutex<(output: [String], error: [String])>(([], []))

  /// An empty transcript.
  public init() {}

  /// The lines written to standard output.
  public var standardOutput: [String] { lines.withLock { $0.output } }
  /// The lines written to standard error.
  public var standardError: [String] { lines.withLock { $0.error } }

  func output(_ line: String) { lines.withLock { $0.output.append(line) } }
  func error(_ line: String) { lines.withLock { $0.error.append(line) } }
}
