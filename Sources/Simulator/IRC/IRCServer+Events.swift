import TwitchSimCore

/// The world's events as the lines Twitch sends to the clients of a channel.
extension IRCServer {
  func handle(_ event: SimEvent, group: inout DiscardingTaskGroup) {
    switch event {
    case .chatMessage(let chat):
      deliverChat(chat)
    case .messageDeleted(let broadcaster, let message, let sender, _):
      let line = IRCRender.clearMessage(channel: broadcaster.login, sender: sender, message: message, at: world.now())
      deliver([line], to: broadcaster.login)
    case .chatCleared(let broadcaster, _):
      let line = IRCRender.clearChat(
        channel: broadcaster.login, roomID: broadcaster.id, target: nil, durationSeconds: nil, at: world.now())
      deliver([line], to: broadcaster.login)
    case .userBanned(let broadcaster, let user, _, _, let duration):
      let line = IRCRender.clearChat(
        channel: broadcaster.login, roomID: broadcaster.id, target: user, durationSeconds: duration, at: world.now())
      deliver([line], to: broadcaster.login)
    case .chatSettingsChanged(let broadcaster, let settings, _):
      settingsChanged(broadcaster, settings)
    case .userNotice(let notice):
      deliver([IRCRender.userNotice(notice)], to: notice.broadcaster.login)
    case .notice(let channel, let msgID, let text):
      let channel = Self.channelKey(channel)
      deliver([IRCRender.notice(channel: channel, msgID: msgID, text: text)], to: channel)
    case .tokenRevoked(let token):
      for member in registry.members where member.accessToken == token.accessToken {
        close(member.connection, .graceful)
      }
    case .fault(.ircReconnect):
      reconnectAll(group: &group)
    case .fault(.ircDrop):
      for connection in registry.connections { close(connection, .abrupt) }
    default:
      // Unbans, warnings, role changes, shield mode, AutoMod, follows, raids (the world sends
      // the raid's USERNOTICE itself), streams and EventSub faults: Twitch's IRC shows none.
      break
    }
  }

  /// Lines to every member of a channel, each as its capabilities allow; returns the number
  /// of line deliveries.
  @discardableResult
  func deliver(_ lines: [IRCLine], to channel: String, except excluded: Int? = nil) -> Int {
    let members = registry.members(of: channel)
    guard !members.isEmpty else { return 0 }
    var batch = OutboundBatch(lines: lines)
    return deliver(&batch, to: members, except: excluded)
  }

  @discardableResult
  func deliver(_ batch: inout OutboundBatch, to members: [ConnectionRegistry.Member], except excluded: Int? = nil)
    -> Int
  {
    var deliveries = 0
    for member in members where member.connection.id != excluded {
      guard let (bytes, lines) = batch.buffer(for: member.capabilities) else { continue }
      member.connection.transport.send(bytes)
      deliveries += lines
    }
    return deliveries
  }

  private func deliverChat(_ event: ChatMessageEvent) {
    let key = EchoBook.Key(
      channelID: event.broadcaster.id, userID: event.sender.id, text: event.message.text,
      isAction: event.message.isAction)
    let echo = echoes.take(key)
    let members = registry.members(of: event.broadcaster.login)
    guard !members.isEmpty else { return }
    let line = IRCRender.privmsg(event, thread: replyThread(for: event), clientNonce: echo?.clientNonce)
    var batch = OutboundBatch(lines: [line])
    deliver(&batch, to: members, except: echo?.connectionID)
  }

  private func settingsChanged(_ broadcaster: SimUser, _ settings: ChatSettings) {
    let previous = roomStates.withLock { states in
      defer { states[broadcaster.id] = settings }
      return states[broadcaster.id]
    }
    guard let previous,
      let line = IRCRender.roomStateChange(
        channel: broadcaster.login, roomID: broadcaster.id, from: previous, to: settings)
    else { return }
    deliver([line], to: broadcaster.login)
  }

  /// RECONNECT to every client, then the connections close after the grace period.
  private func reconnectAll(group: inout DiscardingTaskGroup) {
    let connections = registry.connections
    var batch = OutboundBatch(lines: [IRCRender.reconnect])
    deliver(&batch, to: registry.members)
    let grace = options.reconnectGrace
    group.addTask {
      try? await Task.sleep(for: grace)
      for connection in connections { self.close(connection, .graceful) }
    }
  }

  func close(_ connection: IRCConnection, _ mode: IRCCloseMode) {
    connection.session.withLock { $0.close() }
    connection.transport.close(mode)
  }

  /// The message a reply answers and the root of its thread, from the world.
  func replyThread(for event: ChatMessageEvent) -> ReplyThread? {
    guard let (parent, parentSender) = event.replyParent else { return nil }
    var root = parent
    var rootSender = parentSender
    var hops = 0
    while let up = root.replyParentID, hops < 64, let message = world.message(up, in: event.message.channelID),
      let sender = world.user(id: message.userID)
    {
      root = message
      rootSender = sender
      hops += 1
    }
    return ReplyThread(parent: parent, parentSender: parentSender, root: root, rootSender: rootSender)
  }

  /// `#Login` or `login` → `login`.
  static func channelKey(_ channel: String) -> String {
    (channel.hasPrefix("#") ? String(channel.dropFirst()) : channel).lowercased()
  }
}
