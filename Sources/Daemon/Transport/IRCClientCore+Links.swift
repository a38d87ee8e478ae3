import WardenGateway

/// What a connection task needs once it has credentials: the shard's inbox and the nick.
struct IRCLinkSetup: Sendable {
  var inbox: ShardInbox
  var nick: String
}

extension IRCClientCore {
  /// A connection task fetched credentials: the machine logs in with them. `nil` when the socket
  /// is no longer wanted (closed, stopped, or the shard went away).
  mutating func prepare(_ key: IRCLinkKey, credentials: IRCCredentials) -> IRCLinkSetup? {
    guard let shard = shards[key.shard.index], shard.key == key.shard, shard.links[key.id] != nil else { return nil }
    shards[key.shard.index]?.machine.updateCredentials(nick: credentials.nick, token: credentials.password)
    return IRCLinkSetup(inbox: shard.inbox, nick: credentials.nick)
  }

  /// The socket opened: log in, or close it when it is no longer wanted.
  mutating func opened(_ key: IRCLinkKey, connection: any TransportConnection, now: ContinuousClock.Instant) {
    let index = key.shard.index
    guard shards[index]?.key == key.shard, shards[index]?.links[key.id] != nil else {
      connection.close()
      return
    }
    shards[index]?.links[key.id]?.connection = connection
    feed(index, .connected(key.id), now: now)
  }

  /// A connection task ended (the socket closed, failed to open, or was never opened).
  mutating func ended(_ key: IRCLinkKey, error: String?, now: ContinuousClock.Instant) {
    liveTasks -= 1
    defer { finishIfIdle() }
    let index = key.shard.index
    guard shards[index]?.key == key.shard else { return }
    let reason = error.map { "connection lost: \($0)" } ?? "the server closed the connection"
    feed(index, .disconnected(key.id, error: error), now: now, reason: reason)
    shards[index]?.links.removeValue(forKey: key.id)
    shards[index]?.inbox.forget(key.id)
    updateOverlap(index)
  }

  /// A reader saw a line that matters to the connection logic.
  mutating func signal(_ key: IRCLinkKey, _ signal: IRCLinkSignal, now: ContinuousClock.Instant) {
    let index = key.shard.index
    guard shards[index]?.key == key.shard, let link = shards[index]?.links[key.id] else { return }
    switch signal {
    case .welcome:
      shards[index]?.links[key.id]?.welcomed = true
      feed(index, .welcomeReceived(key.id), now: now)
    case .serverNotice(let text):
      guard !link.welcomed, Self.isLoginFailure(text) else { return }
      feed(index, .authFailed(key.id, message: text), now: now, reason: "login refused: \(text)")
    case .reconnect:
      feed(index, .reconnectRequested(key.id), now: now, reason: "Twitch sent RECONNECT")
    case .joined(let channel):
      shards[index]?.links[key.id]?.joined.insert(channel)
      shards[index]?.links[key.id]?.refused.remove(channel)
      settle(index, now: now)
    case .parted(let channel):
      shards[index]?.links[key.id]?.joined.remove(channel)
    case .joinRefused(let channel):
      logger.warning(
        "IRC JOIN refused", metadata: ["irc.connection": "\(key.shard.index + 1)", "irc.channel": "\(channel)"])
      shards[index]?.links[key.id]?.refused.insert(channel)
      settle(index, now: now)
    case .drained:
      if link.retiring != nil { closeLink(index, key.id) }
    }
  }

  /// A reconnect timer fired; stale timers (an older generation) are ignored.
  mutating func timerFired(_ shard: IRCShardKey, generation: Int, now: ContinuousClock.Instant) {
    guard shards[shard.index]?.key == shard, shards[shard.index]?.reconnectGeneration == generation else { return }
    feed(shard.index, .reconnectTimerFired, now: now, reason: "retrying")
  }

  /// Texts of `NOTICE *` that mean the login was refused.
  static func isLoginFailure(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return ["authentication failed", "improperly formatted auth", "login unsuccessful", "invalid nick"].contains {
      lowered.contains($0)
    }
  }
}
