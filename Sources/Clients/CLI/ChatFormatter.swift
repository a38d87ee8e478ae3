import WardenProtocol

/// The readable outcome of `warden say`.
public enum ChatFormatter {
  /// "Sent to #channel (message id …)", or why Twitch dropped the message.
  public static func line(for result: ChatSendResult) -> String {
    let channel = "#" + result.channel.login
    guard result.sent else {
      return "Twitch dropped the message in \(channel): \(result.dropReason ?? "no reason given")"
    }
    return "Sent to \(channel)" + (result.messageID.map { " (message id \($0))" } ?? "")
  }
}
