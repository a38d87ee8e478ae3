import WardenIRC
import WardenProtocol
import WardenTwitch

/// The JSON work per `chat.message` on one core: the gateway's encoding of `data` (Foundation's
/// `JSONEncoder` against the hand-written writer) and a subscriber's `Envelope.decode`, on the
/// event of the parser suite's synthetic 390-byte PRIVMSG.
struct CodecBenchmark {
  var iterations: Int
  var rounds: Int

  struct Result {
    var name: String
    var bytes: Int
    var nanoseconds: Summary
  }

  func run() throws -> [Result] {
    var mapper = IRCEventMapper()
    guard case .privmsg = try IRCMessage.parse(ParserBenchmark.syntheticPrivmsg),
      case .chatMessage(let data)? = mapper.events(for: try IRCMessage.parse(ParserBenchmark.syntheticPrivmsg)).first
    else { throw BenchError("the synthetic PRIVMSG does not map to a chat.message") }
    let encoded = data.jsonBytes
    guard encoded == (try WireCoding.encode(data)) else {
      throw BenchError("jsonBytes and WireCoding.encode disagree on the synthetic message")
    }
    let envelope = Envelope.encode(
      type: .chatMessage, id: .numbered(tag: "chat", number: 123_456), seq: 123_456, epoch: "31018e0fe7bf5e45",
      ts: 1_795_311_310_462, channel: data.channel.login, cause: nil, data: encoded)
    return [
      try measure("chat.message data, WireCoding.encode (JSONEncoder)", encoded.count) {
        try WireCoding.encode(data).count
      },
      try measure("chat.message data, jsonBytes (JSONWriter)", encoded.count) { data.jsonBytes.count },
      try measure("chat.message envelope, Envelope.decode (subscriber)", envelope.count) {
        try Envelope.decode(envelope).seq == 0 ? 1 : 2
      },
    ]
  }

  private func measure(_ name: String, _ bytes: Int, _ body: () throws -> Int) throws -> Result {
    let clock = ContinuousClock()
    var checksum = 0
    var times: [Double] = []
    for _ in 0..<rounds {
      let start = clock.now
      for _ in 0..<iterations { checksum &+= try body() }
      times.append(Double((clock.now - start).nanoseconds) / Double(iterations))
    }
    if checksum == 42 { print("") }  // Keeps the work observable.
    return Result(name: name, bytes: bytes, nanoseconds: Summary(times))
  }
}
