import Foundation
import Testing
import WardenProtocol

struct EnvelopeTests {
  @Test(arguments: [
    ("v 2", #"{"v":2,"type":"mod.ban","id":"e-mod-1","stream":"mod","seq":1,"epoch":"e","ts":5}"#),
    ("v 0", #"{"v":0,"type":"mod.ban","id":"e-mod-1","stream":"mod","seq":1,"epoch":"e","ts":5}"#),
    ("v a string", #"{"v":"1","type":"mod.ban","id":"e-mod-1","stream":"mod","seq":1,"epoch":"e","ts":5}"#),
    ("v missing", #"{"type":"mod.ban","id":"e-mod-1","stream":"mod","seq":1,"epoch":"e","ts":5}"#),
    (
      "stream does not match type",
      #"{"v":1,"type":"mod.ban","id":"e-mod-1","stream":"chat","seq":1,"epoch":"e","ts":5}"#
    ),
    ("sys type on mod stream", #"{"v":1,"type":"sys.welcome","id":"x","stream":"mod","seq":0,"epoch":"e","ts":5}"#),
    ("unknown stream", #"{"v":1,"type":"mod.ban","id":"e-mod-1","stream":"video","seq":1,"epoch":"e","ts":5}"#),
    ("stream missing", #"{"v":1,"type":"mod.ban","id":"e-mod-1","seq":1,"epoch":"e","ts":5}"#),
    ("type not <stream>.<name>", #"{"v":1,"type":"mod.Ban","id":"e-mod-1","stream":"mod","seq":1,"epoch":"e","ts":5}"#),
    (
      "type of an unknown stream", #"{"v":1,"type":"vid.ban","id":"e-mod-1","stream":"mod","seq":1,"epoch":"e","ts":5}"#
    ),
    ("id missing", #"{"v":1,"type":"mod.ban","stream":"mod","seq":1,"epoch":"e","ts":5}"#),
    ("seq negative", #"{"v":1,"type":"mod.ban","id":"e-mod-1","stream":"mod","seq":-1,"epoch":"e","ts":5}"#),
    ("seq a fraction", #"{"v":1,"type":"mod.ban","id":"e-mod-1","stream":"mod","seq":1.5,"epoch":"e","ts":5}"#),
    ("epoch missing", #"{"v":1,"type":"mod.ban","id":"e-mod-1","stream":"mod","seq":1,"ts":5}"#),
    ("ts a string", #"{"v":1,"type":"mod.ban","id":"e-mod-1","stream":"mod","seq":1,"epoch":"e","ts":"5"}"#),
    (
      "channel a number",
      #"{"v":1,"type":"mod.ban","id":"e-mod-1","stream":"mod","seq":1,"epoch":"e","ts":5,"channel":3}"#
    ),
    ("not an object", #"["mod.ban"]"#),
    ("not JSON", #"{"v":1,"#),
  ])
  func decodeRejects(_ label: String, _ json: String) {
    #expect(throws: (any Error).self, "\(label)") { try Envelope.decode(Array(json.utf8)) }
  }

  @Test func decodeRejectsOtherVersionsWithADataCorruptedError() throws {
    let error = #expect(throws: DecodingError.self) {
      try Envelope.decode(Array(#"{"v":2,"type":"mod.ban","id":"i","stream":"mod","seq":1,"epoch":"e","ts":5}"#.utf8))
    }
    guard case .dataCorrupted(let context) = error else {
      Issue.record("expected dataCorrupted, got \(String(describing: error))")
      return
    }
    #expect(context.debugDescription.contains("version 2"))
  }

  @Test func decodeRejectsMismatchedStreamWithADataCorruptedError() throws {
    let error = #expect(throws: DecodingError.self) {
      try Envelope.decode(Array(#"{"v":1,"type":"mod.ban","id":"i","stream":"chat","seq":1,"epoch":"e","ts":5}"#.utf8))
    }
    guard case .dataCorrupted(let context) = error else {
      Issue.record("expected dataCorrupted, got \(String(describing: error))")
      return
    }
    #expect(context.debugDescription.contains("does not match"))
  }

  @Test(arguments: [
    ("channel, cause and data absent", #"{"v":1,"type":"mod.ban","id":"i","stream":"mod","seq":1,"epoch":"e","ts":5}"#),
    (
      "channel, cause null",
      #"{"v":1,"type":"mod.ban","id":"i","stream":"mod","seq":1,"epoch":"e","ts":5,"channel":null,"cause":null}"#
    ),
    (
      "members in another order",
      #"{"ts":5,"seq":1,"stream":"mod","id":"i","type":"mod.ban","v":1,"epoch":"e","data":{}}"#
    ),
    (
      "unknown members ignored",
      #"{"v":1,"type":"mod.ban","id":"i","stream":"mod","seq":1,"epoch":"e","ts":5,"data":{},"extra":"x"}"#
    ),
  ])
  func decodeAcceptsOptionalMembersAbsentOrNull(_ label: String, _ json: String) throws {
    let envelope = try Envelope.decode(Array(json.utf8))
    #expect(envelope == Envelope(type: EventType("mod.ban")!, id: "i", seq: 1, epoch: "e", ts: 5))
    #expect(envelope.channel == nil)
    #expect(envelope.cause == nil)
    #expect(envelope.data == .object([:]))
  }

  @Test(arguments: [
    Fixtures.banEnvelope,
    Fixtures.welcomeEnvelope,
    Fixtures.heartbeatEnvelope,
    Envelope(type: EventType("chat.message")!, id: "e-chat-1", seq: .max, epoch: "e", ts: .min, channel: "c"),
    Envelope(
      type: EventType("chat.message")!, id: "\"odd\" \\ id", seq: 1, epoch: "🦀", ts: 0, channel: "c", cause: "x\ny",
      data: ["text": "hi 👋 e\u{301} \u{0}", "list": [1, .double(2.5), nil]]),
    Envelope(type: EventType("analysis.wave")!, id: "e-analysis-9", seq: 9, epoch: "e", ts: 1, data: "not an object"),
  ])
  func encodedEnvelopesDecodeToThemselves(_ envelope: Envelope) throws {
    #expect(try Envelope.decode(envelope.encoded()) == envelope)
    // Its Codable form (sorted keys, as inside `events.since`) decodes the same.
    #expect(try Envelope.decode(WireCoding.encode(envelope)) == envelope)
  }

  @Test func staticEncodeSplicesDataBytesUnchanged() {
    let data = Array(#"{"z":1,"a":2}"#.utf8)  // left as given: the publisher already encoded it
    let bytes = Envelope.encode(
      type: EventType("chat.message")!, id: .text("e-chat-3"), seq: 3, epoch: "e", ts: 7, channel: "c", cause: nil,
      data: data)
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == #"{"v":1,"type":"chat.message","id":"e-chat-3","stream":"chat","seq":3,"epoch":"e","ts":7,"channel":"c","cause":null,"data":{"z":1,"a":2}}"#
    )
  }

  @Test func encodedMatchesStaticEncode() {
    let envelope = Fixtures.banEnvelope
    let bytes = Envelope.encode(
      type: envelope.type, id: .text(envelope.id), seq: envelope.seq, epoch: envelope.epoch, ts: envelope.ts,
      channel: envelope.channel, cause: envelope.cause, data: envelope.data.jsonBytes)
    #expect(bytes == envelope.encoded())
  }

  @Test(arguments: [
    (Envelope.ID.numbered(tag: "chat", number: 1), "e0-chat-1"),
    (.numbered(tag: "chat", number: 0), "e0-chat-0"),
    (.numbered(tag: "welcome", number: 12_345), "e0-welcome-12345"),
    (.numbered(tag: "mod", number: .max), "e0-mod-18446744073709551615"),
    (.text("e0-chat-1"), "e0-chat-1"),
    (.text(""), ""),
    (.text("any \"text\" 🦀"), "any \"text\" 🦀"),
  ])
  func idIsWrittenAsGivenOrAsEpochTagNumber(_ id: Envelope.ID, _ expected: String) throws {
    let bytes = Envelope.encode(
      type: EventType("chat.message")!, id: id, seq: 1, epoch: "e0", ts: 1, channel: nil, cause: nil,
      data: Array("{}".utf8))
    #expect(try Envelope.decode(bytes).id == expected)
  }

  @Test func codableFormWritesNullsForAbsentChannelAndCause() throws {
    let envelope = Envelope(type: .heartbeat, id: "e-heartbeat-1", seq: 0, epoch: "e", ts: 1)
    #expect(
      try WireCoding.encode(envelope)
        == Array(
          #"{"cause":null,"channel":null,"data":{},"epoch":"e","id":"e-heartbeat-1","seq":0,"stream":"sys","ts":1,"type":"sys.heartbeat","v":1}"#
            .utf8))
  }

  @Test func decodeDataReadsATypedPayload() throws {
    #expect(try Fixtures.welcomeEnvelope.decodeData(WelcomeData.self) == Fixtures.welcomeData)
    #expect(throws: DecodingError.self) { try Fixtures.banEnvelope.decodeData(WelcomeData.self) }
  }

  @Test func streamFollowsType() {
    #expect(Fixtures.banEnvelope.stream == .mod)
    #expect(Fixtures.welcomeEnvelope.stream == .sys)
    #expect(Fixtures.banEnvelope.v == 1)
  }
}
