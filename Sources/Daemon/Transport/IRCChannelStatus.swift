/// One channel an `IRCClient` should be in.
public struct IRCChannelStatus: Sendable, Hashable {
  /// The channel's login, lowercase, without `#`.
  public var login: String
  /// Whether Twitch confirmed the JOIN on a connection that is still open.
  public var joined: Bool
  /// The connection carrying it, 1-based.
  public var connection: Int

  public init(login: String, joined: Bool, connection: Int) {
    self.login = login
    self.joined = joined
    self.connection = connection
  }
}
