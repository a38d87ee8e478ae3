import Logging
import TwitchSimCore

/// The driver's side of the session actions: the world lookups and changes behind them.
extension IRCServer {
  func perform(_ actions: [IRCSessionAction], for connection: IRCConnection) {
    for action in actions {
      switch action {
      case .send(let lines): connection.send(lines)
      case .authenticate(let nick, let token): authenticate(nick: nick, accessToken: token, connection)
      case .registered: register(connection)
      case .join(let channel): join(channel, connection)
      case .part(let channel): part(channel, connection)
      case .chat(let request): chat(request, connection)
      case .capabilitiesChanged(let capabilities): registry.update(capabilities: capabilities, of: connection.id)
      case .close(let mode): connection.transport.close(mode)
      }
    }
  }

  private func authenticate(nick: String, accessToken: String, _ connection: IRCConnection) {
    let token = world.validToken(accessToken)
    let user = token?.userID.flatMap { world.user(id: $0) }
    let scoped =
      !options.requireChatScopes || token?.has(scope: "chat:read") == true || token?.has(scope: "chat:edit") == true
    guard let user, user.login == nick, scoped else {
      logger.info("IRC login refused", metadata: ["irc.connection": "\(connection.id)", "irc.nick": "\(nick)"])
      perform(connection.session.withLock { $0.authenticationFailed() }, for: connection)
      return
    }
    let actions = connection.session.withLock { $0.authenticated(user: user, accessToken: accessToken, at: .now) }
    perform(actions, for: connection)
  }

  private func register(_ connection: IRCConnection) {
    let member = connection.session.withLock { session in
      ConnectionRegistry.Member(
        connection: connection, capabilities: session.capabilities, userID: session.user?.id, login: session.nick,
        accessToken: session.accessToken)
    }
    registry.register(member)
  }

  private func join(_ channel: String, _ connection: IRCConnection) {
    let (user, nick, capabilities) = connection.session.withLock { ($0.user, $0.nick, $0.capabilities) }
    guard let broadcaster = world.user(login: channel), let room = world.channel(broadcaster.id) else {
      perform(connection.session.withLock { $0.joinRefused(channel: channel) }, for: connection)
      return
    }
    var names = [nick]
    if capabilities.contains(.membership) {
      names += world.chatters(of: broadcaster.id).map(\.login).filter { $0 != nick }
    }
    let joined = JoinedRoom(
      channel: channel, roomID: broadcaster.id, settings: room.settings,
      badges: user.map { world.badges(of: $0.id, in: broadcaster.id) } ?? [], names: names)
    let actions = connection.session.withLock { $0.joined(joined) }
    guard !actions.isEmpty else { return }
    roomStates.withLock { states in
      if states[broadcaster.id] == nil { states[broadcaster.id] = room.settings }
    }
    perform(actions, for: connection)
    registry.join(connection.id, channel)
    guard let user else { return }
    world.setPresence(userID: user.id, in: broadcaster.id, present: true)
    deliver([IRCRender.join(login: user.login, channel: channel, own: false)], to: channel, except: connection.id)
  }

  private func part(_ channel: String, _ connection: IRCConnection) {
    registry.part(connection.id, channel)
    guard let user = connection.session.withLock({ $0.user }) else { return }
    left(channel, userID: user.id, login: user.login)
  }

  /// A logged-in user left a channel (PART or a closed connection): others with membership
  /// see a PART.
  func left(_ channel: String, userID: String, login: String) {
    if let broadcaster = world.user(login: channel) {
      world.setPresence(userID: userID, in: broadcaster.id, present: false)
    }
    deliver([IRCRender.part(login: login, channel: channel, own: false)], to: channel)
  }

  private func chat(_ request: IRCChatRequest, _ connection: IRCConnection) {
    let (user, accessToken) = connection.session.withLock { ($0.user, $0.accessToken) }
    guard let user else { return }
    guard let broadcaster = world.user(login: request.channel), world.channel(broadcaster.id) != nil else {
      let text = "This channel does not exist or has been suspended."
      perform(
        connection.session.withLock {
          $0.chatRefused(channel: request.channel, msgID: "msg_channel_suspended", text: text)
        },
        for: connection)
      return
    }
    let role = world.role(of: user.id, in: broadcaster.id)
    let verdict = connection.session.withLock { $0.admitChat(privileged: role.isPrivileged, at: .now) }
    guard verdict.isEmpty else {
      logger.info(
        "IRC client over the message rate limit, disconnecting",
        metadata: ["irc.connection": "\(connection.id)", "twitch.user": "\(user.login)"])
      perform(verdict, for: connection)
      return
    }
    if options.requireChatScopes, let token = accessToken.flatMap({ world.token($0) }), !token.has(scope: "chat:edit") {
      logger.debug("PRIVMSG without chat:edit dropped", metadata: ["twitch.user": "\(user.login)"])
      return
    }
    let key = EchoBook.Key(channelID: broadcaster.id, userID: user.id, text: request.text, isAction: request.isAction)
    echoes.expect(key, EchoBook.Entry(connectionID: connection.id, clientNonce: request.clientNonce))
    let reply: [IRCSessionAction]
    do {
      let result = try world.sendChat(
        channelID: broadcaster.id, userID: user.id, text: request.text, isAction: request.isAction,
        replyParentID: request.replyParentID)
      var params: [String: JSONParam] = ["text": .string(request.text), "action": .bool(request.isAction)]
      if let parent = request.replyParentID { params["reply_parent_message_id"] = .string(parent) }
      world.record(
        "send_message", via: "irc", channelID: broadcaster.id, actorID: user.id,
        clientID: accessToken.flatMap { world.token($0)?.clientID }, params: params)
      switch result {
      case .sent(let message):
        let badges = world.badges(of: user.id, in: broadcaster.id)
        reply = connection.session.withLock {
          $0.chatSent(
            channel: request.channel, messageID: message.id, badges: badges, clientNonce: request.clientNonce)
        }
      case .held(let held):
        echoes.cancel(key, connectionID: connection.id)
        let (msgID, text) = Self.heldNotice(held)
        reply = connection.session.withLock { $0.chatRefused(channel: request.channel, msgID: msgID, text: text) }
      }
    } catch {
      echoes.cancel(key, connectionID: connection.id)
      guard let msgID = error.noticeID else {
        logger.debug("PRIVMSG refused", metadata: ["twitch.user": "\(user.login)", "error": "\(error)"])
        return
      }
      reply = connection.session.withLock {
        $0.chatRefused(channel: request.channel, msgID: msgID, text: error.message)
      }
    }
    perform(reply, for: connection)
  }

  /// What Twitch tells the sender of a message AutoMod or a blocked term held.
  static func heldNotice(_ held: HeldMessage) -> (msgID: String, text: String) {
    if held.reason == "blocked_term" {
      return (
        "msg_rejected_mandatory", "Your message wasn't posted due to conflicts with the channel's moderation settings."
      )
    }
    return ("msg_rejected", "Hey! Your message is being checked by mods and has not been sent.")
  }
}
