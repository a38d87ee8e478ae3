import WardenProtocol

/// One readable line for what Twitch accepted: "Timed out alice in #pixelpaladin for 10m
/// (reason: spam)".
public enum ModerationFormatter {
  /// The line for one accepted action; an action this version does not know still gets one.
  public static func line(for result: ModActionResult) -> String {
    let channel = "#" + result.channel.login
    let user = result.user?.login ?? "the user"
    let reason = result.reason.map { " (reason: \($0))" } ?? ""
    switch result.action {
    case "ban":
      return "Banned \(user) in \(channel)\(reason)"
    case "unban":
      return "Unbanned \(user) in \(channel)"
    case "timeout":
      let duration = result.durationS.map { " for " + DurationText.format(seconds: $0) } ?? ""
      return "Timed out \(user) in \(channel)\(duration)\(reason)"
    case "untimeout":
      return "Ended the timeout of \(user) in \(channel)"
    case "warn":
      return "Warned \(user) in \(channel)\(reason)"
    case "delete":
      return "Deleted message \(result.messageID ?? "?") in \(channel)"
    case "clear":
      return "Cleared the chat in \(channel)"
    case "mode":
      return modeLine(result, channel: channel)
    case "shield":
      return "Shield mode \(result.enabled == false ? "off" : "on") in \(channel)"
    default:
      return "Done: \(result.action) in \(channel)"
    }
  }

  /// "Slow mode on in #channel: 30s", "Emote-only mode off in #channel".
  private static func modeLine(_ result: ModActionResult, channel: String) -> String {
    guard let mode = result.mode else { return "Chat settings changed in \(channel)" }
    let name = modeName(mode)
    guard result.enabled != false else { return "\(name) off in \(channel)" }
    switch (mode, result.durationS) {
    case (.slow, let seconds?):
      return "\(name) on in \(channel): \(DurationText.format(seconds: seconds))"
    case (.followers, let seconds?) where seconds > 0:
      return "\(name) on in \(channel): followers of \(DurationText.format(seconds: seconds)) or more"
    case (.followers, _):
      return "\(name) on in \(channel): any follower"
    default:
      return "\(name) on in \(channel)"
    }
  }

  /// "Slow mode", "Followers-only mode", ...
  public static func modeName(_ mode: ChatMode) -> String {
    switch mode {
    case .slow: "Slow mode"
    case .followers: "Followers-only mode"
    case .subs: "Subscribers-only mode"
    case .emoteOnly: "Emote-only mode"
    case .uniqueChat: "Unique-chat mode"
    }
  }
}
