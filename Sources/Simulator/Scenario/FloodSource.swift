import Foundation
import TwitchSimCore

/// What a flood sends.
public enum FloodSource: Sendable {
  /// PRIVMSG lines from these users in `broadcaster`'s channel, with these texts: a pool of
  /// lines is rendered once by the sink, then each line sent gets a fresh `id` and
  /// `tmi-sent-ts`. The users need not exist in the world.
  case generated(users: [SimUser], broadcaster: SimUser, texts: [String])
  /// Raw IRC lines (without CRLF), sent as they are and cycled.
  case rawLines([String])

  /// The lines of a file (CRLF or LF endings; blank lines skipped), as `.rawLines`.
  public static func rawLines(contentsOfFile path: String) throws -> FloodSource {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return .rawLines(
      text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init).filter { !$0.isEmpty })
  }
}

/// How a flood went.
public struct FloodReport: Sendable, Hashable {
  /// Lines the flood was asked for: rate × duration.
  public var linesRequested: Int
  public var linesSent: Int
  /// Lines × clients, as the sink counted them.
  public var deliveries: Int
  public var elapsedSeconds: Double
  /// Lines sent per second of elapsed time.
  public var linesPerSecond: Double
  /// True when the flood stopped early because its task was cancelled.
  public var cancelled: Bool

  public init(
    linesRequested: Int, linesSent: Int, deliveries: Int, elapsedSeconds: Double, linesPerSecond: Double,
    cancelled: Bool
  ) {
    self.linesRequested = linesRequested
    self.linesSent = linesSent
    self.deliveries = deliveries
    self.elapsedSeconds = elapsedSeconds
    self.linesPerSecond = linesPerSecond
    self.cancelled = cancelled
  }
}
