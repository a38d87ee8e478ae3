import WardenProtocol

/// The event the bus benchmark sends: a `chat.message` in `somechannel` whose envelope is about
/// `envelopeBytes` long, the size of a typical chat message on the wire.
struct BusMessage {
  static let type = EventType(stream: .chat, name: "message")!
  static let channel = "somechannel"
  /// What the publisher sends until the subscriber says it is ready (`sys.bench_sync._`).
  static let syncType = EventType(stream: .sys, name: "bench_sync")!
  static let syncData = Array("{}".utf8)

  /// The payload handed to `EventBus.publish` (JSON bytes).
  let data: [UInt8]
  /// Topic and envelope as the daemon would send them, for the raw libzmq run.
  let topic: [UInt8]
  let body: [UInt8]

  var syncTopic: [UInt8] { Array(Topic.make(type: Self.syncType, channel: nil).utf8) }
  var syncBody: [UInt8] { Self.syncData }

  init(envelopeBytes: Int) {
    let epoch = "0123456789abcdef"
    // A mid-run sequence number, so the size matches what most daemon events have.
    let seq: UInt64 = 100_000
    func envelope(_ data: [UInt8]) -> [UInt8] {
      Envelope.encode(
        type: Self.type, id: .numbered(tag: "chat", number: seq), seq: seq, epoch: epoch, ts: 1_763_600_000_000,
        channel: Self.channel, cause: nil, data: data)
    }
    func payload(text: String) -> [UInt8] {
      Array(
        ("{\"user\":{\"id\":\"141981764\",\"login\":\"someviewer\",\"display_name\":\"SomeViewer\"},"
          + "\"msg_id\":\"b34ccfc7-4977-403a-8a94-33c6bac34fb8\",\"badges\":[\"subscriber/12\"],"
          + "\"text\":\"\(text)\"}").utf8)
    }
    let words = "what a play, that was clean! gg everyone, see you next stream "
    let overhead = envelope(payload(text: "")).count
    let text = String(
      String(repeating: words, count: 1 + envelopeBytes / words.count).prefix(max(0, envelopeBytes - overhead)))
    data = payload(text: text)
    topic = Array(Topic.make(type: Self.type, channel: Self.channel).utf8)
    body = envelope(data)
  }
}
