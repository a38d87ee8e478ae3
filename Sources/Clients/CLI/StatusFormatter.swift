import WardenProtocol

/// The readable report of `warden status`.
public enum StatusFormatter {
  /// The daemon's block, then the Twitch gateway's when the daemon runs one.
  public static func lines(_ status: StatusResult, style: Style) -> [String] {
    let uptime = duration(ms: status.uptimeMS)
    var lines = [
      style.paint("wardend \(status.serverVersion)", .bold) + " running, pid \(status.pid), up \(uptime)",
      "  protocol      v\(status.protocolVersion) (libzmq \(status.zmqVersion)), epoch \(status.epoch)",
      "  events        \(status.endpoints.events)",
      "  commands      \(status.endpoints.commands)",
      "  data          \(status.dataDir)",
      "  subscribers   \(status.subscribers)",
      "  sequences     " + EventStream.allCases.map { "\($0.rawValue)=\(status.seqs[$0] ?? 0)" }.joined(separator: " "),
    ]
    lines.append("  counters")
    for name in status.counters.keys.sorted() {
      lines.append("    " + name.padding(toLength: 22, withPad: " ", startingAt: 0) + "\(status.counters[name]!)")
    }
    if let twitch = status.twitch {
      lines += twitchLines(twitch, nowMS: status.startedAt + status.uptimeMS, style: style)
    }
    return lines
  }

  /// `3 d 4 h`, `2 h 5 min`, `4 min 2 s`, `12 s`.
  public static func duration(ms: Int64) -> String {
    let seconds = ms / 1000
    let (days, hours, minutes) = (seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60)
    if days > 0 { return "\(days) d \(hours) h" }
    if hours > 0 { return "\(hours) h \(minutes) min" }
    if minutes > 0 { return "\(minutes) min \(seconds % 60) s" }
    return "\(seconds) s"
  }
}
