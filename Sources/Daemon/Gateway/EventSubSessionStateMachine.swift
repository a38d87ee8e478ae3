/// The life of an EventSub WebSocket session, as a value. After `session_welcome` the driver must
/// create the subscriptions within the keepalive (`subscribe`); a keepalive watchdog reconnects a
/// silent socket; `session_reconnect` opens the new socket while the old one keeps delivering,
/// and the new welcome closes the old socket: with the same session id the subscriptions carried
/// over, with a new one (after a plain disconnect) they are created again. Notifications pass a
/// `MessageDeduplicator`, so a message seen on both sockets is delivered once.
public struct EventSubSessionStateMachine: Sendable {
  public struct Configuration: Sendable {
    public var url: String
    /// The subscription types to create on every new session.
    public var subscriptionTypes: [String]
    /// Slack added to the keepalive before a silent socket counts as dead.
    public var keepaliveMargin: Duration
    /// How long a new socket may take to send its welcome.
    public var welcomeTimeout: Duration
    /// Revocation statuses after which recreating the subscription is pointless.
    public var terminalRevocationStatuses: Set<String>
    public var deduplicationCapacity: Int
    public var backoff: ReconnectBackoff.Configuration

    public init(
      url: String = "wss://eventsub.wss.twitch.tv/ws",
      subscriptionTypes: [String],
      keepaliveMargin: Duration = .seconds(5),
      welcomeTimeout: Duration = .seconds(10),
      terminalRevocationStatuses: Set<String> = [
        "authorization_revoked", "user_removed", "moderator_removed", "version_removed", "chat_user_banned",
      ],
      deduplicationCapacity: Int = 10_000,
      backoff: ReconnectBackoff.Configuration = .init()
    ) {
      self.url = url
      self.subscriptionTypes = subscriptionTypes
      self.keepaliveMargin = keepaliveMargin
      self.welcomeTimeout = welcomeTimeout
      self.terminalRevocationStatuses = terminalRevocationStatuses
      self.deduplicationCapacity = deduplicationCapacity
      self.backoff = backoff
    }
  }

  public enum Event: Sendable, Hashable {
    case start
    case welcome(ConnectionID, sessionID: String, keepalive: Duration)
    case keepalive(ConnectionID)
    case notification(ConnectionID, messageID: String)
    case sessionReconnect(ConnectionID, url: String)
    case revocation(ConnectionID, messageID: String, subscriptionType: String, status: String)
    case disconnected(ConnectionID, closeCode: Int?)
    case reconnectTimerFired
    case watchdogTick
    /// Start a brand-new session now (for example after a new login): every socket is closed and
    /// the configured URL opened at once; its welcome creates the subscriptions again.
    case restart
    case stop
  }

  public enum Action: Sendable, Hashable {
    case open(ConnectionID, url: String)
    case close(ConnectionID)
    /// Create these subscriptions for `sessionID` (Helix `POST /eventsub/subscriptions`).
    case subscribe(sessionID: String, types: [String])
    /// Pass the notification with this message id on (first sighting only).
    case deliver(messageID: String)
    case reportRevocation(subscriptionType: String, status: String, willRecreate: Bool)
    case scheduleReconnect(after: Duration)
    case emitConnectionEvent(ConnectionPhase)
  }

  struct Socket: Sendable, Hashable {
    let id: ConnectionID
    var welcomed = false
    var keepalive: Duration?
    var lastMessage: ContinuousClock.Instant
  }

  enum State: Sendable {
    case idle
    case active(primary: Socket, secondary: Socket?)
    case reconnecting
    case stopped
  }

  public let configuration: Configuration
  /// The types created on every new session (revoked types for good are dropped).
  public internal(set) var subscriptionTypes: [String]
  /// The session of the socket that delivers now.
  public internal(set) var sessionID: String?
  /// The session that the subscriptions belong to.
  public internal(set) var subscribedSessionID: String?
  public internal(set) var backoff: ReconnectBackoff
  var deduplicator: MessageDeduplicator
  var state: State = .idle
  var lastID = ConnectionID(0)
  var generator: any RandomNumberGenerator & Sendable

  public init(configuration: Configuration, generator: some RandomNumberGenerator & Sendable) {
    self.configuration = configuration
    self.subscriptionTypes = configuration.subscriptionTypes
    self.backoff = ReconnectBackoff(configuration: configuration.backoff)
    self.deduplicator = MessageDeduplicator(capacity: configuration.deduplicationCapacity)
    self.generator = generator
  }

  public var phase: ConnectionPhase {
    switch state {
    case .idle: .idle
    case .active(let primary, _): primary.welcomed ? .ready : .connecting
    case .reconnecting: .reconnecting
    case .stopped: .stopped
    }
  }

  public var primaryConnection: ConnectionID? {
    if case .active(let primary, _) = state { return primary.id }
    return nil
  }

  public var secondaryConnection: ConnectionID? {
    if case .active(_, let secondary) = state { return secondary?.id }
    return nil
  }

  /// Feeds one event; returns the actions to perform, ending with `emitConnectionEvent` when the
  /// phase changed.
  public mutating func handle(_ event: Event, now: ContinuousClock.Instant) -> [Action] {
    let before = phase
    var actions = apply(event, now: now)
    if phase != before { actions.append(.emitConnectionEvent(phase)) }
    return actions
  }

  mutating func makeSocket(now: ContinuousClock.Instant) -> Socket {
    lastID = lastID.successor
    return Socket(id: lastID, lastMessage: now)
  }
}
