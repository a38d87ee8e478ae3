import Logging
import WardenProtocol
import WardenZeroMQ

/// Runs on the publisher's thread: owns the XPUB socket, sends what the bus queued and answers
/// every new subscription with `sys.welcome`.
final class PublisherDriver: ZMQLoopDriver {
  private let socket: ZMQSocket
  private let bus: EventBus
  private let settings: BusSettings
  private let counters: DaemonCounters
  private let logger: Logger

  init(
    context: ZMQContext, endpoint: String, bus: EventBus, settings: BusSettings, counters: DaemonCounters,
    logger: Logger
  ) throws(ZMQError) {
    socket = try ZMQSocket(context: context, type: .xpub)
    // Events still queued at shutdown get a moment to reach connected subscribers.
    try socket.set(.linger, 200)
    try socket.set(.sendHighWaterMark, settings.sendHighWaterMark)
    // Every subscription and unsubscription comes up, even a prefix another subscriber holds,
    // so each subscriber gets its welcome and the subscription count is exact.
    try socket.set(.xpubVerboser, true)
    try socket.bind(endpoint)
    self.bus = bus
    self.settings = settings
    self.counters = counters
    self.logger = logger
  }

  var sockets: [ZMQSocket] { [socket] }

  func readable(socketAt index: Int) throws(ZMQError) {
    while let frames = try socket.receive(dontWait: true) {
      switch SubscriptionMessage(frames) {
      case .subscribe(let prefix):
        counters.subscriptions.add(1, ordering: .relaxed)
        try welcome(prefix)
      case .unsubscribe:
        counters.subscriptions.subtract(1, ordering: .relaxed)
      case nil:
        logger.debug("ignored a message on the event socket that is not a subscription")
      }
    }
  }

  func woken() throws(ZMQError) {
    try send(bus.drain().messages)
  }

  /// Sends everything queued before the welcome, so that the sequence numbers the welcome
  /// reports are exactly those of the last events this subscriber could have seen before it.
  private func welcome(_ prefix: [UInt8]) throws(ZMQError) {
    let (pending, seqs) = bus.drain()
    try send(pending)
    let data = WelcomeData(
      subscription: String(decoding: prefix, as: UTF8.self), seqs: seqs, heartbeatMS: settings.heartbeatMS,
      serverVersion: WardenVersion.release)
    let body = bus.encodeUnsequenced(.welcome, data: (try? WireCoding.encode(data)) ?? Array("{}".utf8))
    // The subscription itself is the topic: that reaches this subscriber whatever it chose.
    try socket.send([prefix, body], dontWait: true)
  }

  private func send(_ messages: [EventBus.Outgoing]) throws(ZMQError) {
    for message in messages {
      // XPUB never blocks: a subscriber over its high-water mark loses the message and sees a
      // gap in the sequence numbers.
      if try socket.send(frame: message.topic, more: true, dontWait: true) {
        try socket.send(frame: message.body, dontWait: true)
      }
    }
  }

  func finish() {
    try? send(bus.drain().messages)
    socket.close()
  }
}
