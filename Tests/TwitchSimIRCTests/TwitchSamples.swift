import WardenTestSupport

@testable import TwitchSimIRC

/// The shared Twitch IRC samples (`TwitchIRCSamples`), looked up by command.
enum TwitchSamples {
  static var lines: [String] { TwitchIRCSamples.lines }

  /// The first sample whose command is `command` and that contains `text`.
  static func line(_ command: String, containing text: String = "") -> String {
    lines.first { IRCLine(raw: $0).command == command && (text.isEmpty || $0.contains(text)) }!
  }
}
