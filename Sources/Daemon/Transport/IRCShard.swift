import WardenGateway

/// One connection number of an `IRCClient`: its state machine, its sockets (at most a primary,
/// a secondary being opened, and old ones retiring after a handover), and what the watchdog and
/// the gap report need.
struct IRCShard: Sendable {
  /// One socket as the client sees it.
  struct Link: Sendable {
    /// Set once the transport opened.
    var connection: (any TransportConnection)?
    var welcomed = false
    /// Channels whose JOIN Twitch confirmed on this socket.
    var joined: Set<String> = []
    /// Channels Twitch refused to join on this socket.
    var refused: Set<String> = []
    /// Set after a handover: the socket stays open until the new one has joined, then drains.
    var retiring: Retirement?
    /// The last-line time already fed to the machine.
    var fedActivity: ContinuousClock.Instant?

    func settled(_ channel: String) -> Bool { joined.contains(channel) || refused.contains(channel) }
  }

  struct Retirement: Sendable {
    var since: ContinuousClock.Instant
    var drainRequested = false
  }

  /// A loss waiting for the rejoin, to be reported as a possible gap.
  struct PendingGap: Sendable {
    var since: ContinuousClock.Instant
    var ratePerSecond: Double
    var channels: [String]
  }

  let key: IRCShardKey
  var machine: IRCConnectionStateMachine
  let inbox: ShardInbox
  var links: [ConnectionID: Link] = [:]
  var reconnectGeneration = 0
  /// Why the next reported phase change happens.
  var reason: String?
  var retryIn: Duration?
  var rate: MessageRateEstimator
  var gap: PendingGap?

  /// The 1-based connection number.
  var number: Int { key.index + 1 }

  init(key: IRCShardKey, configuration: IRCClientConfiguration, inbox: ShardInbox) {
    self.key = key
    self.machine = IRCConnectionStateMachine(
      configuration: configuration.machineConfiguration, generator: SystemRandomNumberGenerator())
    self.inbox = inbox
    self.rate = MessageRateEstimator(window: configuration.rateWindow)
  }

  /// The socket that carries chat now, if it is open.
  var primaryLink: Link? { machine.primaryConnection.flatMap { links[$0] } }

  /// Whether some open socket has confirmed `channel`.
  func isJoined(_ channel: String) -> Bool {
    links.values.contains { $0.joined.contains(channel) }
  }
}
