import Logging
import WardenDaemon
import WardenProtocol
import WardenZeroMQ

/// Events per second from a publisher in this process to a SUB socket in another process over
/// `ipc://`: once through the daemon's own path (`EventBus` numbering and encoding each event,
/// `EventPublisher`'s XPUB thread sending it), once through a bare libzmq PUB socket sending
/// the same bytes. The rate is counted from the first send to the last message received.
struct BusBenchmark {
  var events: Int
  var rounds: Int
  var envelopeBytes: Int
  var highWaterMark: Int32
  /// This executable, run again as `sub-count`.
  var executable: String

  enum Path: String, CaseIterable {
    case raw = "raw libzmq PUB"
    case daemon = "EventBus + EventPublisher (XPUB)"
  }

  struct Round {
    var path: Path
    var number: Int
    var sent: Int
    var received: Int
    /// First send to return of the last send.
    var sendNanoseconds: UInt64
    /// First send to the last message received by the other process.
    var totalNanoseconds: UInt64
    var bytes: Int

    var dropped: Int { sent - received }
    var eventsPerSecond: Double { Double(received) / (Double(totalNanoseconds) / 1e9) }
    var sendsPerSecond: Double { Double(sent) / (Double(sendNanoseconds) / 1e9) }
    var averageMessageBytes: Double { received > 0 ? Double(bytes) / Double(received) : 0 }
  }

  struct Report {
    var rounds: [Round]
    var topicBytes: Int
    var envelopeBytes: Int

    func rounds(_ path: Path) -> [Round] { rounds.filter { $0.path == path } }
    func medianRate(_ path: Path) -> Double { Summary(rounds(path).map(\.eventsPerSecond)).median }
    func dropped(_ path: Path) -> Int { rounds(path).reduce(0) { $0 + $1.dropped } }
    var ratio: Double { medianRate(.daemon) / medianRate(.raw) }
  }

  private let logger = Logger(label: "warden-bench", factory: { _ in SwiftLogNoOpLogHandler() })

  func run() async throws -> Report {
    let message = BusMessage(envelopeBytes: envelopeBytes)
    var results: [Round] = []
    for number in 1...rounds {
      // Alternate the order, so neither path always runs on a cooler machine.
      let order: [Path] = number % 2 == 1 ? [.raw, .daemon] : [.daemon, .raw]
      for path in order {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let endpoint = "ipc://" + directory.appending("bus.ipc")
        let round =
          switch path {
          case .raw: try rawRound(number, message: message, endpoint: endpoint)
          case .daemon: try await daemonRound(number, message: message, endpoint: endpoint)
          }
        print(
          "  round \(number) \(path.rawValue): \(Format.grouped(round.eventsPerSecond)) events/s received, "
            + "\(Format.grouped(round.received))/\(Format.grouped(round.sent)) received, "
            + "send loop \(Format.grouped(round.sendsPerSecond))/s")
        results.append(round)
      }
    }
    return Report(rounds: results, topicBytes: message.topic.count, envelopeBytes: message.body.count)
  }

  private func rawRound(_ number: Int, message: BusMessage, endpoint: String) throws -> Round {
    let context = try ZMQContext()
    // Sockets do not keep their context alive; it must outlive them.
    defer { withExtendedLifetime(context) {} }
    let socket = try ZMQSocket(context: context, type: .pub)
    defer { socket.close() }
    try socket.set(.sendHighWaterMark, highWaterMark)
    try socket.bind(endpoint)
    let subscriber = try startSubscriber(endpoint)
    try synchronize(subscriber) { try socket.send([message.syncTopic, message.syncBody]) }
    let start = MonotonicTime.nanoseconds()
    for _ in 0..<events {
      try socket.send([message.topic, message.body])
    }
    let sent = MonotonicTime.nanoseconds()
    return try collect(subscriber, path: .raw, number: number, start: start, sent: sent)
  }

  private func daemonRound(_ number: Int, message: BusMessage, endpoint: String) async throws -> Round {
    let context = try ZMQContext()
    var settings = BusSettings()
    settings.sendHighWaterMark = highWaterMark
    let bus = EventBus(ringCapacity: settings.ringBufferEvents)
    let publisher = try await EventPublisher.start(
      context: context, endpoint: endpoint, bus: bus, settings: settings, counters: DaemonCounters(), logger: logger)
    let round: Round
    do {
      let subscriber = try startSubscriber(endpoint)
      try synchronize(subscriber) { try bus.publish(BusMessage.syncType, data: BusMessage.syncData) }
      let start = MonotonicTime.nanoseconds()
      for _ in 0..<events {
        try bus.publish(BusMessage.type, channel: BusMessage.channel, data: message.data)
      }
      let sent = MonotonicTime.nanoseconds()
      round = try collect(subscriber, path: .daemon, number: number, start: start, sent: sent)
    } catch {
      await publisher.stop()
      throw error
    }
    await publisher.stop()
    withExtendedLifetime(context) {}
    return round
  }

  private func startSubscriber(_ endpoint: String) throws -> SubscriberProcess {
    try SubscriberProcess(
      executable: executable, endpoint: endpoint, count: events, prefix: "chat.", sync: "sys.bench_sync.",
      highWaterMark: highWaterMark)
  }

  /// The slow-joiner problem: a subscription takes a moment to reach the publisher, and what
  /// is sent before it is lost. Send sync messages until the subscriber has seen one.
  private func synchronize(_ subscriber: SubscriberProcess, send: () throws -> Void) throws {
    let deadline = ContinuousClock.now + .seconds(20)
    while ContinuousClock.now < deadline {
      try send()
      if let line = subscriber.output.nextLine(within: .milliseconds(2)), line == "ready" { return }
    }
    subscriber.stop()
    throw BenchError("the subscriber did not see a sync message within 20 s")
  }

  private func collect(
    _ subscriber: SubscriberProcess, path: Path, number: Int, start: UInt64, sent: UInt64
  ) throws -> Round {
    let result = try subscriber.finish(timeout: .seconds(120))
    guard result.count > 0 else { throw BenchError("\(path.rawValue): the subscriber received nothing") }
    return Round(
      path: path, number: number, sent: events, received: result.count, sendNanoseconds: sent - start,
      totalNanoseconds: result.lastNanoseconds - start, bytes: result.bytes)
  }
}
