extension IRCConnectionStateMachine {
  mutating func apply(_ event: Event, now: ContinuousClock.Instant) -> [Action] {
    switch event {
    case .start:
      guard case .idle = state else { return [] }
      return openPrimary(now: now)
    case .connected(let id):
      let lines = authenticationLines
      return updateLink(id) { link in
        guard link.stage == .connecting else { return [] }
        link.stage = .authenticating
        link.lastActivity = now
        return [.send(id, lines: lines)]
      }
    case .welcomeReceived(let id):
      return welcome(id, now: now)
    case .authFailed(_, let message):
      guard case .active(let primary, let secondary) = state else { return [] }
      state = .failed
      return [.close(primary.id)] + (secondary.map { [.close($0.id)] } ?? [])
        + [.reportAuthenticationFailure(message: message)]
    case .lineReceived(let id):
      return updateLink(id) { link in
        link.lastActivity = now
        link.pingSentAt = nil
        return []
      }
    case .pingReceived(let id, let payload):
      return updateLink(id) { link in
        link.lastActivity = now
        link.pingSentAt = nil
        return [.send(id, lines: ["PONG :\(payload)"])]
      }
    case .reconnectRequested(let id):
      guard case .active(let primary, nil) = state, primary.id == id else { return [] }
      let secondary = makeLink(now: now)
      state = .active(primary: primary, secondary: secondary)
      return [.open(secondary.id, url: configuration.url)]
    case .disconnected(let id, _):
      return lost(id, now: now)
    case .reconnectTimerFired:
      guard case .reconnecting = state else { return [] }
      return openPrimary(now: now)
    case .watchdogTick:
      return watchdog(now: now)
    case .restart:
      return restart(now: now)
    case .stop:
      let open: [ConnectionID]
      switch state {
      case .active(let primary, let secondary): open = [primary.id] + (secondary.map { [$0.id] } ?? [])
      case .idle, .reconnecting: open = []
      case .failed, .stopped: return []
      }
      state = .stopped
      return open.map { .close($0) }
    }
  }

  /// Adds channels to join now (when ready) and after every reconnect.
  public mutating func addChannels(_ names: [String]) -> [Action] {
    var added: [String] = []
    for name in names {
      let channel = Self.normalize(name)
      guard !channel.isEmpty, !channels.contains(channel), !added.contains(channel) else { continue }
      added.append(channel)
    }
    channels += added
    guard !added.isEmpty, case .active(let primary, _) = state, primary.stage == .ready else { return [] }
    return [.join(primary.id, channels: added)]
  }

  /// Removes channels; parts them now when ready.
  public mutating func removeChannels(_ names: [String]) -> [Action] {
    let removed = names.map(Self.normalize).filter { channels.contains($0) }
    channels.removeAll { removed.contains($0) }
    guard !removed.isEmpty, case .active(let primary, _) = state, primary.stage == .ready else { return [] }
    return [.send(primary.id, lines: removed.map { "PART #\($0)" })]
  }

  static func normalize(_ name: String) -> String {
    String(name.drop { $0 == "#" }).lowercased()
  }

  private mutating func restart(now: ContinuousClock.Instant) -> [Action] {
    switch state {
    case .stopped:
      return []
    case .idle, .reconnecting, .failed:
      backoff.reset()
      return openPrimary(now: now)
    case .active(let primary, let secondary):
      guard primary.stage == .ready else {
        let closing = [primary.id] + (secondary.map { [$0.id] } ?? [])
        return closing.map { .close($0) } + openPrimary(now: now)
      }
      // Hand over: the new connection logs in with the new credentials, joins, then replaces this one.
      let link = makeLink(now: now)
      state = .active(primary: primary, secondary: link)
      return (secondary.map { [.close($0.id)] } ?? []) + [.open(link.id, url: configuration.url)]
    }
  }

  private mutating func openPrimary(now: ContinuousClock.Instant) -> [Action] {
    let link = makeLink(now: now)
    state = .active(primary: link, secondary: nil)
    return [.open(link.id, url: configuration.url)]
  }

  /// Runs `body` on the live link named `id`; ignores events about unknown or old connections.
  private mutating func updateLink(_ id: ConnectionID, _ body: (inout Link) -> [Action]) -> [Action] {
    guard case .active(var primary, var secondary) = state else { return [] }
    let actions: [Action]
    if primary.id == id {
      actions = body(&primary)
    } else if var link = secondary, link.id == id {
      actions = body(&link)
      secondary = link
    } else {
      return []
    }
    state = .active(primary: primary, secondary: secondary)
    return actions
  }

  private mutating func welcome(_ id: ConnectionID, now: ContinuousClock.Instant) -> [Action] {
    guard case .active(var primary, let secondary) = state else { return [] }
    let join: [Action] = channels.isEmpty ? [] : [.join(id, channels: channels)]
    if primary.id == id, primary.stage == .authenticating {
      primary.stage = .ready
      primary.lastActivity = now
      state = .active(primary: primary, secondary: secondary)
      noteConnectionEstablished(now: now)
      return join
    }
    if var link = secondary, link.id == id, link.stage == .authenticating {
      // Handover: the new connection is logged in; join there, then drop the old one.
      link.stage = .ready
      link.lastActivity = now
      state = .active(primary: link, secondary: nil)
      noteConnectionEstablished(now: now)
      return join + [.close(primary.id)]
    }
    return []
  }

  private mutating func lost(_ id: ConnectionID, now: ContinuousClock.Instant) -> [Action] {
    guard case .active(let primary, let secondary) = state else { return [] }
    if let link = secondary, link.id == id {
      state = .active(primary: primary, secondary: nil)
      return []
    }
    guard primary.id == id else { return [] }
    if let link = secondary {
      // Twitch closed the old connection before the new one finished logging in.
      state = .active(primary: link, secondary: nil)
      return []
    }
    noteConnectionLost(now: now)
    state = .reconnecting
    return [.scheduleReconnect(after: nextReconnectDelay())]
  }

  private mutating func watchdog(now: ContinuousClock.Instant) -> [Action] {
    guard case .active(var primary, var secondary) = state else { return [] }
    var actions: [Action] = []
    if var link = secondary {
      switch check(&link, now: now) {
      case .healthy(let more):
        actions += more
        secondary = link
      case .dead:
        actions.append(.close(link.id))
        secondary = nil
      }
    }
    switch check(&primary, now: now) {
    case .healthy(let more):
      actions += more
      state = .active(primary: primary, secondary: secondary)
    case .dead:
      state = .active(primary: primary, secondary: secondary)
      actions.append(.close(primary.id))
      actions += lost(primary.id, now: now)
    }
    return actions
  }

  private enum Health {
    case healthy([Action])
    case dead
  }

  private func check(_ link: inout Link, now: ContinuousClock.Instant) -> Health {
    guard link.stage == .ready else {
      return now - link.lastActivity >= configuration.handshakeTimeout ? .dead : .healthy([])
    }
    if let sent = link.pingSentAt {
      return now - sent >= configuration.pongTimeout ? .dead : .healthy([])
    }
    guard now - link.lastActivity >= configuration.silenceBeforePing else { return .healthy([]) }
    link.pingSentAt = now
    return .healthy([.send(link.id, lines: ["PING :tmi.twitch.tv"])])
  }
}
