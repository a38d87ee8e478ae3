import Foundation
import Testing
import WardenProtocol

/// Every wire shape against its golden file: encoding gives exactly the golden bytes, decoding the
/// golden gives the value back.
struct GoldenFileTests {
  @Test func everyGoldenFileIsKnownAndEveryKnownFileExists() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.path)
      .filter { !$0.hasPrefix(".") }
    #expect(Set(names) == Set(Golden.allCases.map(\.fileName)))
  }

  @Test(arguments: Golden.allCases)
  func goldenFileIsCanonicalCompactJSON(_ golden: Golden) throws {
    let bytes = try golden.bytes
    #expect(!bytes.isEmpty)
    #expect(bytes.last != UInt8(ascii: "\n"), "\(golden.fileName) must not end with a newline")
    #expect(!bytes.contains(UInt8(ascii: "\n")), "\(golden.fileName) must be one compact line")
    #expect(String(validating: bytes, as: UTF8.self) != nil)
    let value = try RequestDecoder.parseJSON(bytes)
    #expect(value.objectValue != nil)
    if golden.hasSortedKeysThroughout {
      #expect(value.jsonBytes == bytes, "\(golden.fileName) is not in canonical key order")
    }
  }
}

struct EnvelopeGoldenTests {
  @Test func modBanEncodes() throws {
    try expectGolden(Fixtures.banEnvelope.encoded(), .envelopeModBan)
    // The bus's path: a numbered id and data bytes from a typed payload.
    let published = Envelope.encode(
      type: Fixtures.banEnvelope.type, id: .numbered(tag: "mod", number: 42), seq: 42, epoch: Fixtures.epoch,
      ts: Fixtures.ts, channel: "streamer_tv", cause: "req-7", data: Fixtures.banData.jsonBytes)
    try expectGolden(published, .envelopeModBan)
  }

  @Test func modBanDecodes() throws {
    let envelope = try Envelope.decode(Golden.envelopeModBan.bytes)
    #expect(envelope == Fixtures.banEnvelope)
    #expect(envelope.stream == .mod)
    #expect(envelope.topic == "mod.ban.streamer_tv")
    #expect(envelope.data["rule"]?["score"] == .double(0.875))
    #expect(envelope.data["duration_s"] == .null)
  }

  @Test func welcomeEncodesFromItsTypedPayload() throws {
    try expectGolden(Fixtures.welcomeEnvelope.encoded(), .envelopeSysWelcome)
    // The publisher's hot path: payload bytes from WireCoding spliced into the envelope.
    for id in [Envelope.ID.numbered(tag: "welcome", number: 3), .text("31018e0fe7bf5e45-welcome-3")] {
      let spliced = Envelope.encode(
        type: .welcome, id: id, seq: 0, epoch: Fixtures.epoch, ts: Fixtures.welcomeTS, channel: nil, cause: nil,
        data: try WireCoding.encode(Fixtures.welcomeData))
      try expectGolden(spliced, .envelopeSysWelcome)
    }
    #expect(try WireCoding.value(Fixtures.welcomeData) == Fixtures.welcomeDataJSON)
  }

  @Test func welcomeDecodesWithItsTypedPayload() throws {
    let envelope = try Envelope.decode(Golden.envelopeSysWelcome.bytes)
    #expect(envelope == Fixtures.welcomeEnvelope)
    #expect(envelope.seq == 0)
    #expect(envelope.channel == nil)
    #expect(envelope.cause == nil)
    #expect(try envelope.decodeData(WelcomeData.self) == Fixtures.welcomeData)
  }

  @Test func heartbeatEncodesFromItsTypedPayload() throws {
    try expectGolden(Fixtures.heartbeatEnvelope.encoded(), .envelopeSysHeartbeat)
    let spliced = Envelope.encode(
      type: .heartbeat, id: .numbered(tag: "heartbeat", number: 20), seq: 0, epoch: Fixtures.epoch, ts: Fixtures.ts,
      channel: nil, cause: nil, data: try WireCoding.encode(Fixtures.heartbeatData))
    try expectGolden(spliced, .envelopeSysHeartbeat)
    #expect(try WireCoding.value(Fixtures.heartbeatData) == Fixtures.heartbeatDataJSON)
  }

  @Test func heartbeatDecodesWithItsTypedPayload() throws {
    let envelope = try Envelope.decode(Golden.envelopeSysHeartbeat.bytes)
    #expect(envelope == Fixtures.heartbeatEnvelope)
    #expect(envelope.topic == "sys.heartbeat._")
    #expect(try envelope.decodeData(HeartbeatData.self) == Fixtures.heartbeatData)
  }
}

struct CommandGoldenTests {
  @Test func banRequestEncodes() throws {
    try expectGolden(Fixtures.banRequest.encoded(), .requestModBan)
  }

  @Test func banRequestDecodes() throws {
    let decoded = RequestDecoder.decode(try Golden.requestModBan.bytes, maxBytes: 65536)
    #expect(decoded == .success(Fixtures.banRequest))
  }

  @Test func helloRequestWithNoArgsEncodesAnEmptyObject() throws {
    try expectGolden(Fixtures.helloRequest.encoded(), .requestHello)
    #expect(RequestDecoder.decode(try Golden.requestHello.bytes, maxBytes: 65536) == .success(Fixtures.helloRequest))
  }

  @Test func successReplyEncodes() throws {
    try expectGolden(Fixtures.helloReply.encoded(), .replyHello)
    // What the daemon does: typed result → JSONValue → reply.
    let reply = CommandReply.success(id: "req-1", try WireCoding.value(Fixtures.hello))
    try expectGolden(reply.encoded(), .replyHello)
  }

  @Test func successReplyDecodes() throws {
    let reply = try CommandReply.decode(Golden.replyHello.bytes)
    #expect(reply == Fixtures.helloReply)
    #expect(reply.ok)
    #expect(reply.v == 1)
    #expect(reply.id == "req-1")
    let result = try reply.outcome.get()
    #expect(try WireCoding.decode(HelloResult.self, from: result) == Fixtures.hello)
  }

  @Test func errorReplyWithNullIDEncodes() throws {
    try expectGolden(Fixtures.errorReplyNullID.encoded(), .replyErrorNullID)
  }

  @Test func errorReplyWithNullIDDecodes() throws {
    let reply = try CommandReply.decode(Golden.replyErrorNullID.bytes)
    #expect(reply == Fixtures.errorReplyNullID)
    #expect(reply.id == nil)
    #expect(!reply.ok)
  }

  @Test func retryableErrorReplyRoundTrips() throws {
    try expectGolden(Fixtures.errorReplyRetryable.encoded(), .replyErrorRetryable)
    let reply = try CommandReply.decode(Golden.replyErrorRetryable.bytes)
    #expect(reply == Fixtures.errorReplyRetryable)
    guard case .failure(let error) = reply.outcome else {
      Issue.record("decoded a success")
      return
    }
    #expect(error.code == .unavailable)
    #expect(error.retryable)
  }
}

/// Typed results and arguments: `WireCoding.encode` (sorted keys) gives the golden bytes, and so
/// does the daemon's path through `JSONValue` and `JSONWriter`.
struct TypedPayloadGoldenTests {
  struct Case<T: Codable & Hashable & Sendable>: Sendable, CustomTestStringConvertible {
    let golden: Golden
    let value: T
    var testDescription: String { golden.fileName }

    func check() throws {
      try expectGolden(try WireCoding.encode(value), golden)
      try expectGolden(try WireCoding.value(value).jsonBytes, golden)
      let bytes = try golden.bytes
      #expect(try WireCoding.decoder.decode(T.self, from: Data(bytes)) == value)
      #expect(try WireCoding.decode(T.self, from: RequestDecoder.parseJSON(bytes)) == value)
    }
  }

  @Test func hello() throws { try Case(golden: .resultHello, value: Fixtures.hello).check() }
  @Test func ping() throws { try Case(golden: .resultPing, value: Fixtures.ping).check() }
  @Test func status() throws { try Case(golden: .resultStatus, value: Fixtures.status).check() }
  @Test func snapshot() throws { try Case(golden: .resultSnapshot, value: Fixtures.snapshot).check() }
  @Test func eventsSince() throws { try Case(golden: .resultEventsSince, value: Fixtures.eventsSince).check() }
  @Test func eventsSinceArgs() throws { try Case(golden: .argsEventsSince, value: Fixtures.eventsSinceArgs).check() }
  @Test func daemonInfo() throws { try Case(golden: .daemonInfo, value: Fixtures.daemonInfo).check() }

  @Test func helloResultIsTheResultOfTheHelloReply() throws {
    let reply = try Golden.replyHello.bytes
    let result = try Golden.resultHello.bytes
    #expect(reply == Array(#"{"v":1,"id":"req-1","ok":true,"result":"#.utf8) + result + [UInt8(ascii: "}")])
  }

  @Test func eventsSinceArgsLeaveOutAbsentOptionals() throws {
    let args = EventsSinceArgs(stream: .chat, after: 0)
    #expect(try WireCoding.encode(args) == Array(#"{"after":0,"stream":"chat"}"#.utf8))
    #expect(try WireCoding.decode(EventsSinceArgs.self, from: ["stream": "chat", "after": 0]) == args)
  }

  @Test func eventsSinceEnvelopesDecodeToTheLiveEnvelopes() throws {
    let result = try WireCoding.decoder.decode(EventsSinceResult.self, from: Data(Golden.resultEventsSince.bytes))
    // A replayed event is the same value as the live one, though its keys are sorted.
    #expect(result.events.last == (try Envelope.decode(Golden.envelopeModBan.bytes)))
    #expect(result.events.map(\.seq) == [41, 42])
  }

  @Test func pingResultAlwaysSaysPong() {
    #expect(PingResult(ts: 5).pong)
  }
}
