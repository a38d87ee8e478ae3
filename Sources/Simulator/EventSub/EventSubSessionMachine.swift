/// The life of one EventSub WebSocket session as a value: the connection driver tells it what
/// happened (a message went out, time passed, the client sent data, a reconnect was asked for,
/// a new session took over) and does what it answers. No I/O, no clock of its own.
struct EventSubSessionMachine: Sendable, Equatable {
  typealias Instant = ContinuousClock.Instant

  enum Phase: Sendable, Equatable {
    /// Welcomed without subscriptions: at `deadline` the session must have one, or it closes
    /// with 4003.
    case awaitingSubscription(deadline: Instant)
    /// Subscribed (or inherited subscriptions through a reconnect).
    case active
    /// `session_reconnect` was sent; the client has until `graceEnd` to connect to the
    /// reconnect URL. Notifications still flow here; keepalives stop (the reconnect message
    /// says `keepalive_timeout_seconds: null`).
    case reconnecting(graceEnd: Instant)
    /// A new session was welcomed and took the subscriptions; the client should close this
    /// one, else it is closed with 4004 at `graceEnd`.
    case replaced(graceEnd: Instant)
    case closed
  }

  enum Action: Sendable, Equatable {
    case sendKeepalive
    case close(EventSubCloseCode)
  }

  let keepalive: Duration
  private(set) var phase: Phase
  /// When the last message (of any kind) went out; keepalives fill silences this long.
  private(set) var lastSentAt: Instant

  /// A session just welcomed at `now`. With a `subscribeDeadline` it must subscribe in time;
  /// without one (a session that inherited subscriptions through a reconnect) it starts active.
  init(welcomedAt now: Instant, keepalive: Duration, subscribeDeadline: Duration?) {
    self.keepalive = keepalive
    self.lastSentAt = now
    self.phase = subscribeDeadline.map { .awaitingSubscription(deadline: now + $0) } ?? .active
  }

  var isClosed: Bool { phase == .closed }

  /// Whether `tick` at `now` needs to know if the session has subscriptions.
  func needsSubscriptionCheck(at now: Instant) -> Bool {
    if case .awaitingSubscription(let deadline) = phase { return now >= deadline }
    return false
  }

  /// When something may next be due; `nil` once closed.
  var nextDeadline: Instant? {
    switch phase {
    case .awaitingSubscription(let deadline): min(deadline, lastSentAt + keepalive)
    case .active: lastSentAt + keepalive
    case .reconnecting(let graceEnd), .replaced(let graceEnd): graceEnd
    case .closed: nil
    }
  }

  /// A message was written to the socket.
  mutating func sent(at now: Instant) {
    if now > lastSentAt { lastSentAt = now }
  }

  /// Time passed: a keepalive, a close for an unused session or an expired grace period, or nothing.
  mutating func tick(at now: Instant, hasSubscriptions: Bool) -> Action? {
    switch phase {
    case .closed:
      return nil
    case .awaitingSubscription(let deadline):
      if now >= deadline {
        guard hasSubscriptions else {
          phase = .closed
          return .close(.connectionUnused)
        }
        phase = .active
      }
      return keepaliveIfDue(at: now)
    case .active:
      return keepaliveIfDue(at: now)
    case .reconnecting(let graceEnd), .replaced(let graceEnd):
      guard now >= graceEnd else { return nil }
      phase = .closed
      return .close(.reconnectGraceTimeExpired)
    }
  }

  /// The client sent a text, binary or continuation frame: Twitch closes with 4001.
  mutating func receivedData() -> Action? {
    close(.clientSentInboundTraffic)
  }

  /// Closes the session for `code` unless it is closed already.
  mutating func close(_ code: EventSubCloseCode) -> Action? {
    guard phase != .closed else { return nil }
    phase = .closed
    return .close(code)
  }

  /// The server wants the client to move: returns whether to send `session_reconnect` (not
  /// twice, and not to a session that is closing or already replaced).
  mutating func requestReconnect(at now: Instant, grace: Duration) -> Bool {
    switch phase {
    case .awaitingSubscription, .active:
      phase = .reconnecting(graceEnd: now + grace)
      return true
    case .reconnecting, .replaced, .closed:
      return false
    }
  }

  /// A client connected to this session's reconnect URL: returns whether the handover may go
  /// ahead (only while reconnecting).
  mutating func replace() -> Bool {
    guard case .reconnecting(let graceEnd) = phase else { return false }
    phase = .replaced(graceEnd: graceEnd)
    return true
  }

  private mutating func keepaliveIfDue(at now: Instant) -> Action? {
    guard now >= lastSentAt + keepalive else { return nil }
    lastSentAt = now
    return .sendKeepalive
  }
}
