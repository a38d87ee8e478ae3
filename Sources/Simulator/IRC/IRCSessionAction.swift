import TwitchSimCore

/// What a connection's driver does after its session took an input. The session decides the
/// protocol; the driver talks to the world and the socket.
enum IRCSessionAction: Hashable, Sendable {
  /// Write these lines (already filtered for the client's capabilities), each with CR LF.
  case send([String])
  /// Check the token and its user, then call `authenticated` or `authenticationFailed`.
  case authenticate(nick: String, accessToken: String)
  /// The login is complete: the connection now receives broadcasts.
  case registered
  /// Look the channel up, then call `joined` or `joinRefused`.
  case join(channel: String)
  case part(channel: String)
  /// Check the rate limit with `admitChat`, then hand the message to the world.
  case chat(IRCChatRequest)
  /// `CAP REQ` changed what the client receives.
  case capabilitiesChanged(IRCCapabilities)
  case close(IRCCloseMode)
}

/// A PRIVMSG a logged-in client sent to a channel.
struct IRCChatRequest: Hashable, Sendable {
  var channel: String
  var text: String
  var isAction: Bool
  /// The client tag `reply-parent-msg-id`.
  var replyParentID: String?
  /// The client tag `client-nonce`, echoed in USERSTATE and the PRIVMSG others receive.
  var clientNonce: String?
}

/// How the server ends a connection.
enum IRCCloseMode: Hashable, Sendable {
  /// Send what is queued, then close.
  case graceful
  /// Reset the connection at once, as a network failure would.
  case abrupt
}

/// What a driver found for a JOIN: the channel and the joining user's standing in it.
struct JoinedRoom: Hashable, Sendable {
  var channel: String
  var roomID: String
  var settings: ChatSettings
  /// The user's badges in the channel (empty for anonymous connections).
  var badges: [SimBadge]
  /// The logins in the NAMES reply.
  var names: [String]
}
