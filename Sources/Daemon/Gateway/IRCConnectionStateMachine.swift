/// The life of one Twitch IRC connection (WebSocket or TLS), as a value: idle → connecting →
/// authenticating (CAP/PASS/NICK sent) → ready (001 received, channels joined) → reconnecting
/// (after a backoff with full jitter) → connecting …
///
/// Every input carries `now`; the machine never reads a clock and performs no I/O. It returns
/// actions for a driver to perform. A `RECONNECT` from Twitch opens a second connection before
/// the first is closed; a failed login stops for good. Every phase change yields
/// `emitConnectionEvent`.
public struct IRCConnectionStateMachine: Sendable {
  public struct Configuration: Sendable {
    public var url: String
    public var nick: String
    /// The OAuth access token, without the `oauth:` prefix. Never logged.
    public var token: String
    public var capabilities: [String]
    /// How long the connection may stay silent before we send our own `PING`.
    public var silenceBeforePing: Duration
    /// How long we wait for any line after our `PING` before giving up on the connection.
    public var pongTimeout: Duration
    /// How long opening and logging in may take.
    public var handshakeTimeout: Duration
    public var backoff: ReconnectBackoff.Configuration

    public init(
      url: String = "wss://irc-ws.chat.twitch.tv:443",
      nick: String,
      token: String,
      capabilities: [String] = ["twitch.tv/tags", "twitch.tv/commands", "twitch.tv/membership"],
      silenceBeforePing: Duration = .seconds(60),
      pongTimeout: Duration = .seconds(10),
      handshakeTimeout: Duration = .seconds(15),
      backoff: ReconnectBackoff.Configuration = .init()
    ) {
      self.url = url
      self.nick = nick
      self.token = token
      self.capabilities = capabilities
      self.silenceBeforePing = silenceBeforePing
      self.pongTimeout = pongTimeout
      self.handshakeTimeout = handshakeTimeout
      self.backoff = backoff
    }
  }

  /// What the driver observed.
  public enum Event: Sendable, Hashable {
    /// Start connecting (from `idle` only).
    case start
    /// The socket opened.
    case connected(ConnectionID)
    /// `001` arrived: the login succeeded.
    case welcomeReceived(ConnectionID)
    /// `NOTICE * :Login authentication failed` (or `Improperly formatted auth`).
    case authFailed(ConnectionID, message: String)
    /// Any other line arrived.
    case lineReceived(ConnectionID)
    /// `PING :payload` arrived.
    case pingReceived(ConnectionID, payload: String)
    /// `RECONNECT` arrived: Twitch will drop this connection soon.
    case reconnectRequested(ConnectionID)
    /// The socket closed or failed to open.
    case disconnected(ConnectionID, error: String?)
    /// The delay from `scheduleReconnect` has passed.
    case reconnectTimerFired
    /// Periodic check of silence and handshake timeouts.
    case watchdogTick
    /// Log in again now, for example with new credentials: a ready connection is handed over as
    /// on `RECONNECT` (the new one joins, then the old one closes); otherwise every socket is
    /// closed and a new one opened at once. Also leaves `failed` and `reconnecting`.
    case restart
    /// Close everything and stop.
    case stop
  }

  /// What the driver must do, in order.
  public enum Action: Sendable, Hashable {
    case open(ConnectionID, url: String)
    case send(ConnectionID, lines: [String])
    case close(ConnectionID)
    case scheduleReconnect(after: Duration)
    case join(ConnectionID, channels: [String])
    case emitConnectionEvent(ConnectionPhase)
    case reportAuthenticationFailure(message: String)
  }

  enum Stage: Sendable, Hashable {
    case connecting
    case authenticating
    case ready
  }

  struct Link: Sendable, Hashable {
    let id: ConnectionID
    var stage: Stage
    var lastActivity: ContinuousClock.Instant
    var pingSentAt: ContinuousClock.Instant?
  }

  enum State: Sendable {
    case idle
    case active(primary: Link, secondary: Link?)
    case reconnecting
    case failed
    case stopped
  }

  public private(set) var configuration: Configuration
  public internal(set) var backoff: ReconnectBackoff
  /// The channels (lowercase, without `#`) joined after every (re)connect.
  public internal(set) var channels: [String]
  var state: State = .idle
  private var lastID = ConnectionID(0)
  private var generator: any RandomNumberGenerator & Sendable

  public init(
    configuration: Configuration,
    channels: [String] = [],
    generator: some RandomNumberGenerator & Sendable
  ) {
    self.configuration = configuration
    self.backoff = ReconnectBackoff(configuration: configuration.backoff)
    self.channels = []
    self.generator = generator
    _ = addChannels(channels)
  }

  /// The phase reported to subscribers.
  public var phase: ConnectionPhase {
    switch state {
    case .idle: .idle
    case .active(let primary, _):
      switch primary.stage {
      case .connecting: .connecting
      case .authenticating: .authenticating
      case .ready: .ready
      }
    case .reconnecting: .reconnecting
    case .failed: .failed
    case .stopped: .stopped
    }
  }

  /// The connection that carries chat now, if any.
  public var primaryConnection: ConnectionID? {
    if case .active(let primary, _) = state { return primary.id }
    return nil
  }

  /// The connection being opened during a `RECONNECT` handover, if any.
  public var secondaryConnection: ConnectionID? {
    if case .active(_, let secondary) = state { return secondary?.id }
    return nil
  }

  /// Feeds one event; returns the actions to perform, ending with `emitConnectionEvent` when the
  /// phase changed.
  public mutating func handle(_ event: Event, now: ContinuousClock.Instant) -> [Action] {
    let before = phase
    var actions = apply(event, now: now)
    let after = phase
    if after != before { actions.append(.emitConnectionEvent(after)) }
    return actions
  }

  /// Changes the nick and token that the next login sends (connections already logged in keep
  /// theirs until a `restart`).
  public mutating func updateCredentials(nick: String, token: String) {
    configuration.nick = nick
    configuration.token = token
  }

  /// The lines that log in on a fresh connection.
  var authenticationLines: [String] {
    [
      "CAP REQ :" + configuration.capabilities.joined(separator: " "),
      "PASS oauth:" + configuration.token,
      "NICK " + configuration.nick,
    ]
  }

  mutating func makeLink(now: ContinuousClock.Instant) -> Link {
    lastID = lastID.successor
    return Link(id: lastID, stage: .connecting, lastActivity: now, pingSentAt: nil)
  }

  mutating func nextReconnectDelay() -> Duration {
    backoff.nextDelay(using: &generator)
  }

  mutating func noteConnectionLost(now: ContinuousClock.Instant) {
    backoff.connectionLost(at: now)
  }

  mutating func noteConnectionEstablished(now: ContinuousClock.Instant) {
    backoff.connectionEstablished(at: now)
  }
}
