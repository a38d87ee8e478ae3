import WardenProtocol
import WardenZeroMQ

/// Requests from the subscriber's callers to its thread.
enum SubscriberRequest: Sendable {
  case beginResync
  case applySnapshot(epoch: String, seqs: SequenceNumbers)
}

/// Runs on the subscriber's thread: owns the SUB socket and the sequence tracker, and hands
/// events and notices to the subscriber's stream.
final class SubscriberDriver: ZMQLoopDriver {
  private let socket: ZMQSocket
  private let filters: [String]
  private let mailbox: Mailbox<SubscriberRequest>
  private let output: AsyncStream<SubscriberOutput>.Continuation
  private var tracker: SequenceTracker
  private let silenceMissed: Int
  private var heartbeatMS: Int
  private var lastHeard: ContinuousClock.Instant

  init(
    context: ZMQContext, endpoint: String, filters: [String], silenceMissed: Int, heartbeatMS: Int,
    mailbox: Mailbox<SubscriberRequest>, output: AsyncStream<SubscriberOutput>.Continuation
  ) throws(ZMQError) {
    socket = try ZMQSocket(context: context, type: .sub)
    try socket.set(.linger, 0)
    try socket.set(.receiveHighWaterMark, 100_000)
    try socket.set(.reconnectInterval, 100)
    // Heartbeats always, for silence and tail gaps; events outside `filters` are not handed on.
    for prefix in Set(filters + [Topic.make(type: .heartbeat, channel: nil)]) {
      try socket.set(.subscribe, prefix)
    }
    try socket.connect(endpoint)
    self.filters = filters
    self.mailbox = mailbox
    self.output = output
    self.silenceMissed = silenceMissed
    self.heartbeatMS = heartbeatMS
    self.tracker = SequenceTracker(prefixes: filters)
    self.lastHeard = .now
  }

  var sockets: [ZMQSocket] { [socket] }

  func readable(socketAt index: Int) throws(ZMQError) {
    while let frames = try socket.receive(dontWait: true) {
      lastHeard = .now
      guard frames.count == 2, let envelope = try? Envelope.decode(frames[1]) else { continue }
      if envelope.type == .heartbeat, let data = try? envelope.decodeData(HeartbeatData.self) {
        heartbeatMS = max(1, data.heartbeatMS)
      }
      let wanted = wants(envelope, topic: frames[0])
      for item in tracker.receive(envelope) {
        if case .event = item, !wanted { continue }
        output.yield(item)
      }
    }
  }

  /// Whether the caller's own filters ask for this message: welcomes answer a subscription
  /// (their topic is its prefix); heartbeats count only when the filters cover them.
  private func wants(_ envelope: Envelope, topic: [UInt8]) -> Bool {
    let name = envelope.type == .welcome ? String(decoding: topic, as: UTF8.self) : envelope.topic
    if envelope.type == .welcome { return filters.contains(name) }
    return filters.contains { Topic.prefix($0, matches: name) }
  }

  func woken() throws(ZMQError) {
    for request in mailbox.drain() {
      switch request {
      case .beginResync:
        tracker.beginResync()
      case .applySnapshot(let epoch, let seqs):
        for item in tracker.applySnapshot(epoch: epoch, seqs: seqs) { output.yield(item) }
      }
    }
  }

  func nextTimeout() -> Int? {
    let deadline = lastHeard.advanced(by: .milliseconds(heartbeatMS * silenceMissed))
    let remaining = ContinuousClock.now.duration(to: deadline)
    return max(0, Int(remaining.wholeMilliseconds))
  }

  func tick() throws(ZMQError) {
    guard ContinuousClock.now - lastHeard >= .milliseconds(heartbeatMS * silenceMissed) else { return }
    for item in tracker.silence(missed: silenceMissed) { output.yield(item) }
    lastHeard = .now  // report once per silence; the tracker holds the state
  }

  func finish() {
    _ = mailbox.close()
    socket.close()
    output.finish()
  }
}
