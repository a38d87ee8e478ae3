import WardenTestSupport

/// The captured Twitch lines (`TwitchIRCSamples`, a checked copy of
/// `shared/data/twitch-irc-samples.txt`), each with its CR as read from the file split at LF.
enum Samples {
  static let lines: [[UInt8]] = TwitchIRCSamples.lines.map { Array(($0 + "\r").utf8) }

  /// The line at `index`, or an empty line if there is none (the tests then fail).
  static func line(_ index: Int) -> [UInt8] {
    lines.indices.contains(index) ? lines[index] : []
  }
}
