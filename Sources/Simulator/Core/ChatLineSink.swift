/// The IRC surface as scenarios and floods see it: render a message as the line clients
/// receive, and push lines to the clients of a channel directly, bypassing the world. That
/// fast path is how a flood reaches 100,000 lines per second.
public protocol ChatLineSink: Sendable {
  /// The `PRIVMSG` line (with Twitch's full tag set, without CRLF) for a chat message.
  func renderPrivmsg(_ event: ChatMessageEvent) -> String

  /// Sends raw IRC lines (without CRLF) to every client that joined `channelLogin`'s channel
  /// with the right capabilities, or to every connected client when `channelLogin` is `nil`.
  /// Returns the number of line deliveries made (lines × clients).
  @discardableResult
  func broadcast(rawLines: [String], toChannel channelLogin: String?) -> Int
}
