/// The source of a message: `nick!user@host`, or a server name (then `nick` is the whole prefix).
public struct IRCPrefix: Sendable, Hashable {
  /// The prefix as sent, without the leading `:`.
  public var raw: String
  /// The nick (a login on Twitch), or the server name.
  public var nick: String
  /// The part after `!`, if any.
  public var user: String?
  /// The part after `@`, if any.
  public var host: String?

  public init(raw: String, nick: String, user: String? = nil, host: String? = nil) {
    self.raw = raw
    self.nick = nick
    self.user = user
    self.host = host
  }
}
