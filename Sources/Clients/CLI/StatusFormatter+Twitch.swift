import Foundation
import WardenProtocol

extension StatusFormatter {
  /// The Twitch gateway's block of `warden status`: the account, each connection, each channel.
  /// Times are measured against `nowMS`, the daemon's clock when it answered.
  public static func twitchLines(_ gateway: GatewayStatus, nowMS: Int64, style: Style) -> [String] {
    var lines = AuthFormatter.lines(gateway.auth, nowMS: nowMS, style: style)
    let connections = gateway.connections.map { connectionLine($0, style: style) }
    lines += labelled("connections", connections.isEmpty ? ["none"] : connections)
    let width = (gateway.channels.map(\.login.count).max() ?? 0) + 2
    let channels = gateway.channels.map {
      ("#" + $0.login).padding(toLength: width, withPad: " ", startingAt: 0) + ChannelsFormatter.state(of: $0, style)
    }
    lines += labelled("channels", channels.isEmpty ? ["none; add one with `warden join <channel>`"] : channels)
    return lines
  }

  /// "irc 0 connected, 2 channels", "eventsub 0 reconnecting (close 4000), retry in 2s".
  static func connectionLine(_ connection: ConnectionData, style: Style) -> String {
    let color: Style.Color =
      switch connection.state {
      case .connected: .green
      case .reconnecting: .yellow
      case .disconnected: .red
      }
    var line =
      "\(connection.transport.rawValue) \(connection.connection) " + style.paint(connection.state.rawValue, color)
    if let reason = connection.reason { line += " (\(reason))" }
    if let retry = connection.retryInMS {
      line += ", retry in " + DurationText.approximate(seconds: (retry + 999) / 1000)
    }
    if !connection.channels.isEmpty {
      line += ", \(connection.channels.count) channel\(connection.channels.count == 1 ? "" : "s")"
    }
    return line
  }

  /// `  label         first` and the rest aligned under it.
  private static func labelled(_ label: String, _ values: [String]) -> [String] {
    values.enumerated().map { index, value in
      "  " + (index == 0 ? label : "").padding(toLength: 14, withPad: " ", startingAt: 0) + value
    }
  }
}
