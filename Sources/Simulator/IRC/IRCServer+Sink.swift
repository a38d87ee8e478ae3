import TwitchSimCore

/// The fast path from scenarios and floods to the clients.
extension IRCServer {
  /// The PRIVMSG line (with Twitch's full tag set, without CR LF) for a chat message.
  public func renderPrivmsg(_ event: ChatMessageEvent) -> String {
    IRCRender.privmsg(event, thread: replyThread(for: event)).text
  }

  /// Sends raw lines byte for byte (each followed by CR LF) to the clients of a channel, or to
  /// every logged-in client when `channelLogin` is `nil`. All the lines go out as one buffer per
  /// client; clients without tags get them without tags, clients without the capability a
  /// command needs (CLEARCHAT without `twitch.tv/commands`…) do not get those lines.
  @discardableResult
  public func broadcast(rawLines: [String], toChannel channelLogin: String?) -> Int {
    guard !rawLines.isEmpty else { return 0 }
    let members = channelLogin.map { registry.members(of: Self.channelKey($0)) } ?? registry.members
    guard !members.isEmpty else { return 0 }
    var batch = OutboundBatch(rawLines: rawLines)
    return deliver(&batch, to: members)
  }
}
