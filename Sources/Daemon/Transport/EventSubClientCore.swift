import Logging
import WardenGateway

/// Work that needs the EventSub client's task group.
enum EventSubDriverRequest: Sendable {
  case connect(ConnectionID, url: String)
  case timer(generation: Int, after: Duration)
  case subscribe(EventSubSubscribeRequest)
}

/// Everything an `EventSubClient` knows, behind the client's lock: the session machine and the
/// open sockets. Inputs from sockets, the watchdog, timers and public calls run here; effects are
/// non-blocking (start a close, call the handler) or requests to the `run()` loop.
struct EventSubClientCore: Sendable {
  /// The machine's single "subscription type": every subscription the gateway creates.
  static let everySubscription = "*"
  static let stopTimeout = Duration.seconds(5)

  struct Socket: Sendable {
    var connection: (any TransportConnection)?
  }

  let configuration: EventSubClientConfiguration
  let handler: @Sendable (EventSubClientEvent) -> Void
  let logger: Logger
  var machine: EventSubSessionStateMachine
  var sockets: [ConnectionID: Socket] = [:]
  var runState = DriverRunState<EventSubDriverRequest>.notStarted
  var liveTasks = 0
  var reconnectGeneration = 0
  var reason: String?
  var retryIn: Duration?
  /// The welcome of a `session_reconnect`'s new socket, while the old socket drains.
  var heldWelcome: HeldWelcome?

  init(
    configuration: EventSubClientConfiguration, handler: @escaping @Sendable (EventSubClientEvent) -> Void,
    logger: Logger
  ) {
    self.configuration = configuration
    self.handler = handler
    self.logger = logger
    machine = EventSubSessionStateMachine(
      configuration: configuration.machineConfiguration, generator: SystemRandomNumberGenerator())
  }

  mutating func start(requests: AsyncStream<EventSubDriverRequest>.Continuation, now: ContinuousClock.Instant) -> Bool {
    guard case .notStarted = runState else { return false }
    runState = .running(requests)
    feed(.start, now: now)
    return true
  }

  mutating func stop(now: ContinuousClock.Instant) {
    guard case .running(let requests) = runState else { return }
    runState = .stopping(requests, since: now)
    heldWelcome = nil
    feed(.stop, now: now, reason: "stopping")
    for id in sockets.keys.map({ $0 }) { close(id) }
    finishIfIdle()
  }

  mutating func finish() {
    runState.finishRequests()
    runState = .finished
  }

  mutating func finishIfIdle() {
    guard case .stopping(let requests, _) = runState, liveTasks <= 0 else { return }
    requests.finish()
  }

  mutating func restart(reason: String, now: ContinuousClock.Instant) {
    guard case .running = runState else { return }
    heldWelcome = nil
    feed(.restart, now: now, reason: "restart requested: \(reason)")
  }

  mutating func request(_ request: EventSubDriverRequest) {
    guard case .running(let requests) = runState else { return }
    if case .connect = request { liveTasks += 1 }
    requests.yield(request)
  }

  mutating func close(_ id: ConnectionID) {
    sockets.removeValue(forKey: id)?.connection?.close()
  }
}
