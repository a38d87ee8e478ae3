import Testing
import WardenProtocol

@testable import WardenDaemon

@Suite struct RingBufferTests {
  @Test func keepsTheNewestElements() {
    var ring = RingBuffer<Int>(capacity: 3)
    for value in 1...5 { ring.append(value) }
    #expect(ring.count == 3)
    #expect((0..<ring.count).map { ring[$0] } == [3, 4, 5])
    #expect(ring.first == 3 && ring.last == 5)
  }

  @Test(arguments: [(0, 0), (2, 0), (3, 1), (4, 2), (5, 3), (6, 4), (9, 4)])
  func partitionPoint(after: Int, expected: Int) {
    var ring = RingBuffer<Int>(capacity: 4)
    for value in 1...6 { ring.append(value) }  // holds 3 4 5 6
    #expect(ring.partitionPoint { $0 > after } == expected)
  }
}

@Suite struct EventBusTests {
  let type = EventType(stream: .mod, name: "ban")!

  @Test func numbersEachStreamFromOne() throws {
    let bus = EventBus(ringCapacity: 10)
    #expect(try bus.publish(type, channel: "chan", data: Array("{}".utf8)) == 1)
    #expect(try bus.publish(type, channel: "chan", data: Array("{}".utf8)) == 2)
    #expect(try bus.publish(EventType(stream: .chat, name: "message")!, data: Array("{}".utf8)) == 1)
    let seqs = bus.sequenceNumbers
    #expect(seqs[.mod] == 2 && seqs[.chat] == 1 && seqs[.sys] == 0 && seqs.count == 5)
    #expect(bus.publishedCount == 3)
  }

  @Test func queuesEnvelopesInOrderWithTopics() throws {
    let bus = EventBus(ringCapacity: 10)
    try bus.publish(type, channel: "somechan", cause: "cmd-1", data: Array(#"{"user":"x"}"#.utf8))
    try bus.publish(type, data: Array("{}".utf8))
    let (messages, seqs) = bus.drain()
    #expect(messages.map { String(decoding: $0.topic, as: UTF8.self) } == ["mod.ban.somechan", "mod.ban._"])
    let first = try Envelope.decode(messages[0].body)
    #expect(first.seq == 1 && first.channel == "somechan" && first.cause == "cmd-1" && first.epoch == bus.epoch)
    #expect(first.data == ["user": "x"])
    #expect(first.id == "\(bus.epoch)-mod-1")
    #expect(seqs[.mod] == 2)
    #expect(bus.drain().messages.isEmpty)
  }

  @Test(arguments: ["", "UPPER", "with space", "dot.ted", "émoji"])
  func refusesChannelsThatCannotBeTopicSegments(_ channel: String) {
    let bus = EventBus(ringCapacity: 10)
    #expect(throws: BusError.invalidChannel(channel)) { try bus.publish(type, channel: channel, data: []) }
    #expect(bus.sequenceNumbers[.mod] == 0)
  }

  @Test func replaysFromTheRing() throws {
    let bus = EventBus(ringCapacity: 5)
    for _ in 1...8 { try bus.publish(type, data: Array("{}".utf8)) }  // ring holds 4...8
    let recent = bus.replay(stream: .mod, after: 5, limit: 100)
    #expect(recent.complete && recent.last == 8)
    #expect(try recent.events.map { try Envelope.decode($0).seq } == [6, 7, 8])
    let edge = bus.replay(stream: .mod, after: 3, limit: 100)
    #expect(edge.complete && edge.events.count == 5)
    let old = bus.replay(stream: .mod, after: 1, limit: 100)
    #expect(!old.complete)
    #expect(try old.events.map { try Envelope.decode($0).seq } == [4, 5, 6, 7, 8])
    let limited = bus.replay(stream: .mod, after: 4, limit: 2)
    #expect(try limited.events.map { try Envelope.decode($0).seq } == [5, 6])
    let none = bus.replay(stream: .mod, after: 8, limit: 100)
    #expect(none.complete && none.events.isEmpty)
    let empty = bus.replay(stream: .chat, after: 0, limit: 100)
    #expect(empty.complete && empty.events.isEmpty && empty.last == 0)
  }

  @Test func epochsAreSixteenHexDigitsAndDiffer() {
    let epochs = (0..<20).map { _ in EventBus.makeEpoch() }
    #expect(Set(epochs).count == 20)
    #expect(epochs.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
  }
}

@Suite struct FramingTests {
  static let cases: [([[UInt8]], [[UInt8]], [[UInt8]])] = [
    // REQ: identity, empty delimiter, body
    ([[1], [], [9]], [[1], []], [[9]]),
    // REQ with ZMQ_REQ_CORRELATE: identity, request id, delimiter, body
    ([[1], [0, 0, 0, 7], [], [9]], [[1], [0, 0, 0, 7], []], [[9]]),
    // DEALER without delimiter
    ([[1], [9]], [[1]], [[9]]),
    // too many frames
    ([[1], [], [9], [8]], [[1], []], [[9], [8]]),
    // nothing after the delimiter
    ([[1], []], [[1], []], []),
    // only an identity
    ([[1]], [[1]], []),
  ]

  @Test(arguments: cases)
  func routingEnvelope(frames: [[UInt8]], envelope: [[UInt8]], body: [[UInt8]]) {
    let routed = RoutingEnvelope(frames)
    #expect(routed.envelope == envelope)
    #expect(routed.body == body)
  }

  @Test func subscriptionMessages() {
    #expect(SubscriptionMessage([[1] + Array("mod.".utf8)]) == .subscribe(Array("mod.".utf8)))
    #expect(SubscriptionMessage([[1]]) == .subscribe([]))
    #expect(SubscriptionMessage([[0, 0x61]]) == .unsubscribe([0x61]))
    #expect(SubscriptionMessage([[2, 0x61]]) == nil)
    #expect(SubscriptionMessage([[]]) == nil)
    #expect(SubscriptionMessage([[1], [1]]) == nil)
  }
}
