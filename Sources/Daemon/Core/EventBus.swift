import Synchronization
import WardenProtocol

/// The daemon's event bus: gives each event its stream's next sequence number, encodes its
/// envelope once, keeps it in that stream's ring buffer and queues it for the publisher thread.
/// Numbering and queueing happen under one lock, so events leave in sequence order.
public final class EventBus: Sendable {
  /// Random per daemon start.
  public let epoch: String
  private let state: Mutex<State>

  /// An event ready for the wire: topic and envelope bytes.
  struct Outgoing: Sendable {
    var topic: [UInt8]
    var body: [UInt8]
  }

  struct Recorded: Sendable {
    var seq: UInt64
    var body: [UInt8]
  }

  /// Per-stream values are arrays indexed by `EventStream.index`: no hashing per event.
  private struct State {
    var seqs = [UInt64](repeating: 0, count: EventStream.allCases.count)
    var rings: [RingBuffer<Recorded>]
    var outbox: [Outgoing] = []
    var wake: (@Sendable () -> Void)?
    var published: UInt64 = 0
    var unsequenced: UInt64 = 0
  }

  /// - Parameter ringCapacity: events kept per stream for `events.since`.
  public init(epoch: String = EventBus.makeEpoch(), ringCapacity: Int) {
    self.epoch = epoch
    let rings = EventStream.allCases.map { _ in RingBuffer<Recorded>(capacity: ringCapacity) }
    state = Mutex(State(rings: rings))
  }

  /// A new random epoch: 16 lowercase hex digits.
  public static func makeEpoch() -> String {
    var generator = SystemRandomNumberGenerator()
    let value = generator.next() as UInt64
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Publishes an event whose `data` is already JSON bytes. Returns its sequence number.
  @discardableResult
  public func publish(
    _ type: EventType, channel: String? = nil, cause: String? = nil, data: [UInt8]
  ) throws(BusError) -> UInt64 {
    if let channel, !Topic.isValidSegment(channel) { throw BusError.invalidChannel(channel) }
    var topic: [UInt8] = []
    topic.reserveCapacity(48)
    topic.append(contentsOf: type.stream.rawValue.utf8)
    topic.append(UInt8(ascii: "."))
    topic.append(contentsOf: type.name.utf8)
    topic.append(UInt8(ascii: "."))
    topic.append(contentsOf: (channel ?? Topic.noChannel).utf8)
    let ts = WallClock.nowMS()
    let (seq, wake) = state.withLock { state -> (UInt64, (@Sendable () -> Void)?) in
      let index = type.stream.index
      let seq = state.seqs[index] + 1
      state.seqs[index] = seq
      let body = Envelope.encode(
        type: type, id: .numbered(tag: type.stream.rawValue, number: seq), seq: seq, epoch: epoch, ts: ts,
        channel: channel, cause: cause, data: data)
      state.rings[index].append(Recorded(seq: seq, body: body))
      state.published += 1
      let wasEmpty = state.outbox.isEmpty
      state.outbox.append(Outgoing(topic: topic, body: body))
      return (seq, wasEmpty ? state.wake : nil)
    }
    wake?()
    return seq
  }

  /// Publishes an event with a typed payload.
  @discardableResult
  public func publish(
    _ type: EventType, channel: String? = nil, cause: String? = nil, payload: some Encodable
  ) throws -> UInt64 {
    try publish(type, channel: channel, cause: cause, data: WireCoding.encode(payload))
  }

  /// Publishes an event outside the sequences (`seq` 0, not kept for replay): the heartbeat.
  func publishUnsequenced(_ type: EventType, topic: String, data: [UInt8]) {
    let body = encodeUnsequenced(type, data: data)
    let wake = state.withLock { state -> (@Sendable () -> Void)? in
      let wasEmpty = state.outbox.isEmpty
      state.outbox.append(Outgoing(topic: Array(topic.utf8), body: body))
      return wasEmpty ? state.wake : nil
    }
    wake?()
  }

  /// Encodes an unsequenced event without queueing it (the welcome, sent by the publisher itself).
  func encodeUnsequenced(_ type: EventType, data: [UInt8]) -> [UInt8] {
    let ts = WallClock.nowMS()
    let number = state.withLock { state in
      state.unsequenced += 1
      return state.unsequenced
    }
    return Envelope.encode(
      type: type, id: .numbered(tag: type.name, number: number), seq: 0, epoch: epoch, ts: ts, channel: nil, cause: nil,
      data: data)
  }

  /// Sets the function that wakes the publisher when the outbox stops being empty.
  func attach(wake: @escaping @Sendable () -> Void) {
    state.withLock { $0.wake = wake }
  }

  /// Takes every queued event, with the sequence numbers as of the last one taken.
  func drain() -> (messages: [Outgoing], seqs: SequenceNumbers) {
    state.withLock { state in
      let messages = state.outbox
      state.outbox = []
      return (messages, Self.numbers(state.seqs))
    }
  }

  /// The last sequence number of every stream.
  public var sequenceNumbers: SequenceNumbers { Self.numbers(state.withLock { $0.seqs }) }

  private static func numbers(_ seqs: [UInt64]) -> SequenceNumbers {
    SequenceNumbers(uniqueKeysWithValues: EventStream.allCases.map { ($0, seqs[$0.index]) })
  }

  /// Events published since start, all streams.
  public var publishedCount: UInt64 { state.withLock { $0.published } }

  /// The recorded events of `stream` with `seq > after`, at most `limit`, oldest first.
  /// `complete` is `false` when the ring no longer holds the event right after `after`.
  func replay(stream: EventStream, after: UInt64, limit: Int) -> (events: [[UInt8]], complete: Bool, last: UInt64) {
    state.withLock { state in
      let ring = state.rings[stream.index]
      let last = state.seqs[stream.index]
      let start = ring.partitionPoint { $0.seq > after }
      let complete = after >= last || (ring.first.map { $0.seq <= after + 1 } ?? false)
      var events: [[UInt8]] = []
      var offset = start
      while offset < ring.count && events.count < limit {
        events.append(ring[offset].body)
        offset += 1
      }
      return (events, complete, last)
    }
  }
}

/// Why the bus refused an event.
public enum BusError: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidChannel(String)

  public var description: String {
    switch self {
    case .invalidChannel(let channel):
      "channel '\(channel)' cannot be a topic segment (lowercase letters, digits and _ only)"
    }
  }
}
