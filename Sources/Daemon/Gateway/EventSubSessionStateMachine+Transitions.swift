extension EventSubSessionStateMachine {
  mutating func apply(_ event: Event, now: ContinuousClock.Instant) -> [Action] {
    switch event {
    case .start:
      guard case .idle = state else { return [] }
      return openPrimary(url: configuration.url, now: now)
    case .welcome(let id, let session, let keepalive):
      return welcome(id, session: session, keepalive: keepalive, now: now)
    case .keepalive(let id):
      _ = touch(id, now: now)
      return []
    case .notification(let id, let messageID):
      guard touch(id, now: now), deduplicator.isFirstSighting(messageID) else { return [] }
      return [.deliver(messageID: messageID)]
    case .sessionReconnect(let id, let url):
      guard touch(id, now: now), case .active(let primary, nil) = state, primary.id == id else { return [] }
      let secondary = makeSocket(now: now)
      state = .active(primary: primary, secondary: secondary)
      return [.open(secondary.id, url: url)]
    case .revocation(let id, let messageID, let type, let status):
      guard touch(id, now: now), deduplicator.isFirstSighting(messageID) else { return [] }
      let recreate = !configuration.terminalRevocationStatuses.contains(status)
      var actions: [Action] = [.reportRevocation(subscriptionType: type, status: status, willRecreate: recreate)]
      if recreate, let session = sessionID {
        actions.append(.subscribe(sessionID: session, types: [type]))
      } else if !recreate {
        subscriptionTypes.removeAll { $0 == type }
      }
      return actions
    case .disconnected(let id, _):
      return lost(id, now: now)
    case .reconnectTimerFired:
      guard case .reconnecting = state else { return [] }
      return openPrimary(url: configuration.url, now: now)
    case .watchdogTick:
      return watchdog(now: now)
    case .restart:
      let closing: [Action]
      switch state {
      case .stopped: return []
      case .idle, .reconnecting: closing = []
      case .active(let primary, let secondary):
        closing = [.close(primary.id)] + (secondary.map { [.close($0.id)] } ?? [])
      }
      sessionID = nil
      subscribedSessionID = nil
      backoff.reset()
      return closing + openPrimary(url: configuration.url, now: now)
    case .stop:
      guard case .active(let primary, let secondary) = state else {
        state = .stopped
        return []
      }
      state = .stopped
      return [.close(primary.id)] + (secondary.map { [.close($0.id)] } ?? [])
    }
  }

  private mutating func openPrimary(url: String, now: ContinuousClock.Instant) -> [Action] {
    let socket = makeSocket(now: now)
    state = .active(primary: socket, secondary: nil)
    return [.open(socket.id, url: url)]
  }

  /// Notes a message on a live socket; `false` for a socket that is not ours any more.
  private mutating func touch(_ id: ConnectionID, now: ContinuousClock.Instant) -> Bool {
    guard case .active(var primary, var secondary) = state else { return false }
    if primary.id == id {
      primary.lastMessage = now
    } else if secondary?.id == id {
      secondary?.lastMessage = now
    } else {
      return false
    }
    state = .active(primary: primary, secondary: secondary)
    return true
  }

  private mutating func welcome(
    _ id: ConnectionID,
    session: String,
    keepalive: Duration,
    now: ContinuousClock.Instant
  ) -> [Action] {
    guard case .active(let primary, let secondary) = state else { return [] }
    var actions: [Action] = []
    var socket: Socket
    if primary.id == id, !primary.welcomed {
      socket = primary
    } else if let candidate = secondary, candidate.id == id, !candidate.welcomed {
      // Handover complete: the old socket has done its job.
      socket = candidate
      actions.append(.close(primary.id))
    } else {
      return []
    }
    socket.welcomed = true
    socket.keepalive = keepalive
    socket.lastMessage = now
    state = .active(primary: socket, secondary: nil)
    sessionID = session
    backoff.connectionEstablished(at: now)
    if subscribedSessionID != session {
      subscribedSessionID = session
      if !subscriptionTypes.isEmpty {
        actions.insert(.subscribe(sessionID: session, types: subscriptionTypes), at: 0)
      }
    }
    return actions
  }

  private mutating func lost(_ id: ConnectionID, now: ContinuousClock.Instant) -> [Action] {
    guard case .active(let primary, let secondary) = state else { return [] }
    if let socket = secondary, socket.id == id {
      state = .active(primary: primary, secondary: nil)
      return []
    }
    guard primary.id == id else { return [] }
    if let socket = secondary {
      // The old socket went first; the new one (same session) will welcome us.
      state = .active(primary: socket, secondary: nil)
      return []
    }
    backoff.connectionLost(at: now)
    state = .reconnecting
    return [.scheduleReconnect(after: backoff.nextDelay(using: &generator))]
  }

  private func isDead(_ socket: Socket, now: ContinuousClock.Instant) -> Bool {
    let allowed = socket.keepalive.map { $0 + configuration.keepaliveMargin } ?? configuration.welcomeTimeout
    return now - socket.lastMessage > allowed
  }

  private mutating func watchdog(now: ContinuousClock.Instant) -> [Action] {
    guard case .active(let primary, let secondary) = state else { return [] }
    var actions: [Action] = []
    if let socket = secondary, isDead(socket, now: now) {
      actions.append(.close(socket.id))
      actions += lost(socket.id, now: now)
    }
    if isDead(primary, now: now) {
      actions.append(.close(primary.id))
      actions += lost(primary.id, now: now)
    }
    return actions
  }
}
