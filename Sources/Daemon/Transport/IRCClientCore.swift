import Logging
import WardenGateway

/// Everything an `IRCClient` knows, behind the client's lock: the channels and their shards,
/// the JOIN pacing, and one `IRCConnectionStateMachine` per connection. Every input (a public
/// call, a reader's signal, a transport callback, a timer, the watchdog tick) runs here under
/// the lock; its effects are non-blocking (queue a write, start a close, call the handler) or a
/// request to the `run()` loop (open a socket, start a timer).
struct IRCClientCore: Sendable {
  let configuration: IRCClientConfiguration
  let handler: @Sendable (IRCClientEvent) -> Void
  let logger: Logger
  var sharding: ChannelSharding
  var limiter: JoinRateLimiter
  var shards: [Int: IRCShard] = [:]
  var nextEpoch = 0
  var runState = DriverRunState<IRCDriverRequest>.notStarted
  /// Connection tasks started and not yet ended.
  var liveTasks = 0

  /// How long a graceful stop waits for sockets to close before cancelling them.
  static let stopTimeout = Duration.seconds(5)

  init(configuration: IRCClientConfiguration, handler: @escaping @Sendable (IRCClientEvent) -> Void, logger: Logger) {
    self.configuration = configuration
    self.handler = handler
    self.logger = logger
    sharding = ChannelSharding(maxChannelsPerConnection: configuration.maxChannelsPerConnection)
    limiter = JoinRateLimiter(
      limit: configuration.joinsPerWindow, window: configuration.joinWindow + configuration.joinSafetyMargin)
    ensureShard(0, now: .now)
    join(configuration.channels, now: .now)
  }

  var isRunning: Bool {
    if case .running = runState { return true }
    return false
  }

  // MARK: Lifecycle

  /// Starts every connection; `false` if the client ran before.
  mutating func start(requests: AsyncStream<IRCDriverRequest>.Continuation, now: ContinuousClock.Instant) -> Bool {
    guard case .notStarted = runState else { return false }
    runState = .running(requests)
    for index in shards.keys.sorted() { feed(index, .start, now: now) }
    return true
  }

  /// Closes every connection; the run loop ends once they are closed (or after `stopTimeout`).
  mutating func stop(now: ContinuousClock.Instant) {
    guard case .running(let requests) = runState else { return }
    runState = .stopping(requests, since: now)
    for index in shards.keys.sorted() {
      feed(index, .stop, now: now, reason: "stopping")
      for id in shards[index]?.links.keys.map({ $0 }) ?? [] { closeLink(index, id) }
    }
    finishIfIdle()
  }

  /// The run loop ended: nothing is sent or opened any more.
  mutating func finish() {
    runState.finishRequests()
    runState = .finished
  }

  mutating func finishIfIdle() {
    guard case .stopping(let requests, _) = runState, liveTasks <= 0 else { return }
    requests.finish()
  }

  /// Asks the run loop for work that needs its task group.
  mutating func request(_ request: IRCDriverRequest) {
    guard case .running(let requests) = runState else { return }
    if case .connect = request { liveTasks += 1 }
    requests.yield(request)
  }

  // MARK: Channels

  mutating func join(_ names: [String], now: ContinuousClock.Instant) {
    var wanted: [String] = []
    for name in names {
      let login = Self.normalize(name)
      guard !login.isEmpty, sharding.shard(of: login) == nil, !wanted.contains(login) else { continue }
      wanted.append(login)
    }
    for change in sharding.add(wanted) { apply(change, now: now) }
    drainJoins(now: now)
  }

  mutating func part(_ names: [String], now: ContinuousClock.Instant) {
    let logins = names.map(Self.normalize)
    limiter.cancel(logins)
    for change in sharding.remove(logins) { apply(change, now: now) }
  }

  private mutating func apply(_ change: ChannelSharding.Change, now: ContinuousClock.Instant) {
    switch change {
    case .openConnection(let index):
      ensureShard(index, now: now)
    case .join(let channel, let index):
      guard let actions = shards[index]?.machine.addChannels([channel]) else { return }
      perform(index, actions, retiring: nil, now: now)
    case .part(let channel, let index):
      guard let actions = shards[index]?.machine.removeChannels([channel]) else { return }
      perform(index, actions, retiring: nil, now: now)
    case .closeConnection(let index):
      // Connection 1 stays open without channels (the login stays checked).
      guard index != 0, shards[index] != nil else { return }
      feed(index, .stop, now: now, reason: "no channel left on this connection")
      for id in shards[index]?.links.keys.map({ $0 }) ?? [] { closeLink(index, id) }
      shards[index] = nil
    }
  }

  mutating func ensureShard(_ index: Int, now: ContinuousClock.Instant) {
    guard shards[index] == nil else { return }
    nextEpoch += 1
    let key = IRCShardKey(index: index, epoch: nextEpoch)
    let inbox = ShardInbox(connection: index + 1, handler: handler)
    shards[index] = IRCShard(key: key, configuration: configuration, inbox: inbox)
    if isRunning { feed(index, .start, now: now) }
  }

  /// Every channel wanted, where it is, and whether Twitch confirmed the JOIN.
  func channelStatuses() -> [IRCChannelStatus] {
    shards.keys.sorted().flatMap { index -> [IRCChannelStatus] in
      guard let shard = shards[index] else { return [] }
      return shard.machine.channels.map {
        IRCChannelStatus(login: $0, joined: shard.isJoined($0), connection: shard.number)
      }
    }
  }

  /// Logs every connection in again (with fresh credentials), handing over ready ones without a gap.
  mutating func reconnect(reason: String, now: ContinuousClock.Instant) {
    guard isRunning else { return }
    for index in shards.keys.sorted() {
      feed(index, .restart, now: now, reason: "reconnect requested: \(reason)")
    }
  }

  static func normalize(_ name: String) -> String {
    String(name.trimmingWhitespace().drop { $0 == "#" }).lowercased()
  }
}
