import Foundation
import WardenProtocol

/// The readable list of the channels watched.
public enum ChannelsFormatter {
  /// One line per channel: `#login  joined (connection 1)` or `#login  not joined`.
  public static func lines(_ result: ChannelsResult, style: Style) -> [String] {
    guard !result.channels.isEmpty else { return ["No channels watched; add one with `warden join <channel>`."] }
    let width = (result.channels.map(\.login.count).max() ?? 0) + 3
    return result.channels.map { channel in
      "  " + ("#" + channel.login).padding(toLength: width, withPad: " ", startingAt: 0) + state(of: channel, style)
    }
  }

  /// "joined (connection 1)" in green, or "not joined" in yellow.
  static func state(of channel: ChannelInfo, _ style: Style) -> String {
    guard channel.joined else { return style.paint("not joined", .yellow) }
    return style.paint("joined", .green) + (channel.connection.map { " (connection \($0))" } ?? "")
  }

  /// "#a", "#a and #b", "#a, #b and #c".
  public static func list(_ logins: [String]) -> String {
    let names = logins.map { "#" + $0 }
    guard names.count > 1 else { return names.first ?? "no channel" }
    return names.dropLast().joined(separator: ", ") + " and " + names.last!
  }
}
