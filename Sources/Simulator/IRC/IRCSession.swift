import TwitchSimCore

/// One IRC connection's protocol state, as a value: registration (CAP, PASS, NICK), channels,
/// rate limits and the PING clock. It takes client lines and driver results and returns
/// `IRCSessionAction`s; it never touches a socket or the world, so tables test it.
struct IRCSession: Sendable {
  struct Limits: Hashable, Sendable {
    var pingInterval: Duration
    var pongTimeout: Duration
    var joinsPer10s: Int
    var messagesPer30s: Int
    var privilegedMessagesPer30s: Int
  }

  enum Phase: Hashable, Sendable {
    /// Before NICK.
    case connecting
    /// Waiting for the driver to check the token.
    case authenticating
    case registered
    case closed
  }

  enum Identity: Hashable, Sendable {
    /// `justinfan<digits>`: reads chat, cannot send.
    case anonymous(nick: String)
    case user(SimUser, accessToken: String)
  }

  let limits: Limits
  // Internal so that `IRCSession+Commands.swift` can update them.
  var phase = Phase.connecting
  var capabilities: IRCCapabilities = []
  var identity: Identity?
  /// Joined channels, by login.
  var channels: Set<String> = []
  var password: String?
  var pendingNick: String?
  var joins = RateWindow(window: .seconds(10))
  var messages = RateWindow(window: .seconds(30))
  var lastPing: ContinuousClock.Instant
  var pongDeadline: ContinuousClock.Instant?

  init(limits: Limits, at now: ContinuousClock.Instant) {
    self.limits = limits
    lastPing = now
  }

  /// The nick in numerics: the login, or `*` before NICK.
  var nick: String {
    switch identity {
    case .anonymous(let nick): nick
    case .user(let user, _): user.login
    case nil: pendingNick ?? "*"
    }
  }

  var user: SimUser? {
    if case .user(let user, _) = identity { return user }
    return nil
  }

  var accessToken: String? {
    if case .user(_, let token) = identity { return token }
    return nil
  }

  // MARK: Client input

  /// A line from the client (without CR LF). Lines that do not parse are ignored, as Twitch does.
  mutating func receive(line: String, at now: ContinuousClock.Instant) -> [IRCSessionAction] {
    guard let message = IRCMessage(parsing: line) else { return [] }
    return receive(message, at: now)
  }

  mutating func receive(_ message: IRCMessage, at now: ContinuousClock.Instant) -> [IRCSessionAction] {
    guard phase != .closed else { return [] }
    switch message.verb {
    case "CAP": return capability(message.params)
    case "PASS":
      if phase == .connecting { password = message.params.first }
      return []
    case "NICK": return phase == .connecting ? register(nick: message.params.first ?? "", at: now) : []
    case "USER", "MODE": return []
    case "PING": return send([IRCRender.pong(message.params.first)])
    case "PONG":
      pongDeadline = nil
      return []
    case "QUIT":
      phase = .closed
      return [.close(.graceful)]
    case "JOIN" where phase == .registered: return join(message.params.first ?? "", at: now)
    case "PART" where phase == .registered: return part(message.params.first ?? "")
    case "PRIVMSG" where phase == .registered: return privmsg(message)
    default:
      // Twitch answers unknown commands once logged in; before that it ignores them.
      guard phase == .registered else { return [] }
      return send([IRCRender.unknownCommand(nick: nick, command: message.command)])
    }
  }

  // MARK: Driver results

  /// The driver found the token valid for the NICK's user.
  mutating func authenticated(user: SimUser, accessToken: String, at now: ContinuousClock.Instant)
    -> [IRCSessionAction]
  {
    guard phase == .authenticating else { return [] }
    phase = .registered
    identity = .user(user, accessToken: accessToken)
    lastPing = now
    return send(IRCRender.welcome(nick: user.login) + [IRCRender.globalUserState(user: user)]) + [.registered]
  }

  /// The token is unknown, expired, revoked, lacks the chat scopes or belongs to someone else.
  mutating func authenticationFailed() -> [IRCSessionAction] {
    guard phase == .authenticating else { return [] }
    phase = .closed
    return send([IRCRender.loginFailed]) + [.close(.graceful)]
  }

  /// The driver found the channel: the JOIN echo, NAMES, USERSTATE and ROOMSTATE.
  mutating func joined(_ room: JoinedRoom) -> [IRCSessionAction] {
    guard phase == .registered, channels.insert(room.channel).inserted else { return [] }
    var lines = [IRCRender.join(login: nick, channel: room.channel, own: true)]
    lines += IRCRender.names(nick: nick, channel: room.channel, names: room.names)
    lines.append(IRCRender.userState(channel: room.channel, user: user, badges: room.badges))
    lines.append(IRCRender.roomState(channel: room.channel, roomID: room.roomID, settings: room.settings))
    return send(lines)
  }

  /// The channel does not exist (or is suspended).
  mutating func joinRefused(channel: String) -> [IRCSessionAction] {
    guard phase == .registered else { return [] }
    return send([
      IRCRender.notice(
        channel: channel, msgID: "msg_channel_suspended", text: "This channel does not exist or has been suspended.")
    ])
  }

  /// Counts a PRIVMSG against the connection's limit: 20 per 30 s, or 100 where the user is
  /// the broadcaster or a moderator (Twitch decides per message which limit applies). Past the
  /// limit Twitch closes the connection ("If you send too many messages in rapid succession,
  /// the Twitch IRC server will close the connection", dev.twitch.tv, Sending and Receiving
  /// Chat Messages), so the session closes and the message is dropped.
  mutating func admitChat(privileged: Bool, at now: ContinuousClock.Instant) -> [IRCSessionAction] {
    guard phase == .registered else { return [.close(.graceful)] }
    let limit = privileged ? limits.privilegedMessagesPer30s : limits.messagesPer30s
    if messages.admit(at: now, limit: limit) { return [] }
    phase = .closed
    return [.close(.graceful)]
  }

  /// The message reached chat: Twitch answers the sender with USERSTATE carrying its id (the
  /// sender's own connection does not get the PRIVMSG back).
  func chatSent(channel: String, messageID: String, badges: [SimBadge], clientNonce: String?) -> [IRCSessionAction] {
    send([
      IRCRender.userState(
        channel: channel, user: user, badges: badges, messageID: messageID, clientNonce: clientNonce)
    ])
  }

  /// The message was refused (`msg_banned`, `msg_slowmode`…) or held.
  func chatRefused(channel: String, msgID: String, text: String) -> [IRCSessionAction] {
    send([IRCRender.notice(channel: channel, msgID: msgID, text: text)])
  }

  /// The PING clock: a PING every `pingInterval`; no PONG within `pongTimeout` closes.
  mutating func tick(at now: ContinuousClock.Instant) -> [IRCSessionAction] {
    guard phase == .registered else { return [] }
    if let deadline = pongDeadline {
      guard now >= deadline else { return [] }
      phase = .closed
      return [.close(.graceful)]
    }
    guard now - lastPing >= limits.pingInterval else { return [] }
    lastPing = now
    pongDeadline = now + limits.pongTimeout
    return send([IRCRender.ping])
  }

  /// The server ends the connection (RECONNECT grace over, token revoked, shutdown).
  mutating func close() { phase = .closed }

  /// Lines as this client receives them.
  func filter(_ lines: [IRCLine]) -> [String] { lines.compactMap { $0.text(for: capabilities) } }

  func send(_ lines: [IRCLine]) -> [IRCSessionAction] {
    let texts = filter(lines)
    return texts.isEmpty ? [] : [.send(texts)]
  }
}
