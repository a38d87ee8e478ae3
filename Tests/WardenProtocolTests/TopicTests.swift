import Testing
import WardenProtocol

struct TopicTests {
  @Test(arguments: ["a", "z", "0", "9", "_", "chat", "mod_1", "a_b_c", "x9", "streamer_tv", "___", "0123456789"])
  func validSegments(_ segment: String) {
    #expect(Topic.isValidSegment(segment))
  }

  @Test(arguments: [
    "", "A", "Chat", "mOd", "a-b", "a.b", "a b", " a", "a\n", "a\u{0}", "é", "e\u{301}", "ａ", "🦀", "ı", "a/b",
    "a*", "$", "`",
  ])
  func invalidSegments(_ segment: String) {
    #expect(!Topic.isValidSegment(segment))
  }

  @Test func segmentCheckWorksOnSubstrings() {
    let text = "mod.ban.x"
    let parts = text.split(separator: ".")
    #expect(parts.allSatisfy { Topic.isValidSegment($0) })
  }

  @Test(arguments: [
    "chat.message.somechannel", "mod.ban._", "sys.heartbeat._", "sys.welcome._", "analysis.account_wave.x1",
    "channel.online.abc_1", "mod.timeout.streamer_tv",
  ])
  func validTopics(_ topic: String) {
    #expect(Topic.isValid(topic))
  }

  @Test(arguments: [
    "", ".", "..", "chat", "chat.", "chat.message", "chat.message.", ".message.x", "chat..x", "chat.message.x.y",
    "Chat.message.x", "chat.Message.x", "chat.message.X", "unknown.message.x", "chats.message.x", "chat.mes-sage.x",
    "chat.message.ö", "chat.message.x ", " chat.message.x", "chat.message.🦀", "chat.message.x\n", "chat:message:x",
  ])
  func invalidTopics(_ topic: String) {
    #expect(!Topic.isValid(topic))
  }

  @Test(arguments: [
    (EventType("mod.ban")!, String?.some("streamer_tv"), "mod.ban.streamer_tv"),
    (EventType("chat.message")!, "x", "chat.message.x"),
    (EventType.welcome, nil, "sys.welcome._"),
    (EventType.heartbeat, nil, "sys.heartbeat._"),
    (EventType("analysis.account_wave")!, nil, "analysis.account_wave._"),
  ])
  func make(_ type: EventType, _ channel: String?, _ expected: String) {
    let topic = Topic.make(type: type, channel: channel)
    #expect(topic == expected)
    #expect(Topic.isValid(topic))
  }

  @Test func noChannelIsUnderscore() {
    #expect(Topic.noChannel == "_")
    #expect(Topic.isValidSegment(Topic.noChannel))
  }

  @Test func envelopeTopicIsMadeFromTypeAndChannel() {
    let envelope = Envelope(type: EventType("chat.message")!, id: "e-chat-1", seq: 1, epoch: "e", ts: 0, channel: "abc")
    #expect(envelope.topic == "chat.message.abc")
    let channelless = Envelope(type: .heartbeat, id: "e-heartbeat-1", seq: 0, epoch: "e", ts: 0)
    #expect(channelless.topic == "sys.heartbeat._")
  }

  @Test(arguments: [
    ("", EventStream.chat, true),
    ("", .sys, true),
    ("chat.", .chat, true),
    ("chat", .chat, true),
    ("mod.", .mod, true),
    ("sys", .sys, true),
    ("analysis.", .analysis, true),
    ("channel.", .channel, true),
    ("chat.message.", .chat, false),
    ("chat.message", .chat, false),
    ("mod.", .chat, false),
    ("channel.", .chat, false),
    ("chat.", .channel, false),
    ("sys.heartbeat.", .sys, false),
    ("chatx", .chat, false),
    ("chat..", .chat, false),
  ])
  func prefixCoversWholeStream(_ prefix: String, _ stream: EventStream, _ covers: Bool) {
    #expect(Topic.prefix(prefix, coversWholeStream: stream) == covers)
  }

  @Test(arguments: ["c", "ch", "cha"])
  func shortPrefixOfAStreamNameCoversTheStream(_ prefix: String) {
    // "c" receives every `chat.` event (and every `channel.` one), so it covers the stream.
    #expect(Topic.prefix(prefix, coversWholeStream: .chat))
  }

  @Test(arguments: [
    ("", "chat.message.x", true),
    ("chat.", "chat.message.x", true),
    ("chat.message.", "chat.message.x", true),
    ("chat.message.x", "chat.message.x", true),
    ("chat.message.x.", "chat.message.x", false),
    ("mod.", "chat.message.x", false),
    ("chat.messages", "chat.message.x", false),
    ("mod", "mod.ban._", true),
    ("Mod.", "mod.ban._", false),
  ])
  func prefixMatchesTopic(_ prefix: String, _ topic: String, _ matches: Bool) {
    #expect(Topic.prefix(prefix, matches: topic) == matches)
  }
}

struct EventTypeTests {
  @Test(arguments: [
    ("mod.ban", EventStream.mod, "ban"),
    ("sys.welcome", .sys, "welcome"),
    ("sys.heartbeat", .sys, "heartbeat"),
    ("chat.message", .chat, "message"),
    ("chat.clear", .chat, "clear"),
    ("analysis.account_wave", .analysis, "account_wave"),
    ("channel.raid", .channel, "raid"),
    ("mod.x1", .mod, "x1"),
    ("mod._", .mod, "_"),
  ])
  func parses(_ text: String, _ stream: EventStream, _ name: String) throws {
    let type = try #require(EventType(text))
    #expect(type.stream == stream)
    #expect(type.name == name)
    #expect(type.description == text)
    #expect(EventType(stream: stream, name: name) == type)
  }

  @Test(arguments: [
    "", ".", "mod", "mod.", ".ban", "mod.ban.x", "Mod.ban", "mod.Ban", "MOD.BAN", "nope.ban", "mods.ban", "mod.b-an",
    "mod ban", "mod..ban", "mod.bän", "mod.ban ", " mod.ban", "mod.🦀", "mod/ban",
  ])
  func rejects(_ text: String) {
    #expect(EventType(text) == nil)
  }

  @Test(arguments: ["", "Ban", "b.an", "b an", "ü"])
  func rejectsBadNames(_ name: String) {
    #expect(EventType(stream: .mod, name: name) == nil)
  }

  @Test func wellKnownTypes() {
    #expect(EventType.welcome.description == "sys.welcome")
    #expect(EventType.heartbeat.description == "sys.heartbeat")
    #expect(EventType.welcome.stream == .sys)
  }

  @Test func codesAsItsString() throws {
    let type = try #require(EventType("mod.timeout"))
    #expect(try WireCoding.encode(type) == Array(#""mod.timeout""#.utf8))
    #expect(try WireCoding.decode(EventType.self, from: "mod.timeout") == type)
  }

  @Test(arguments: [JSONValue.string("mod"), "Mod.ban", "x.y", 5, nil])
  func decodingRejectsWhatIsNotAType(_ value: JSONValue) {
    #expect(throws: DecodingError.self) { try WireCoding.decode(EventType.self, from: value) }
  }
}

struct EventStreamTests {
  @Test func fiveStreamsInProtocolOrder() {
    #expect(EventStream.allCases.map(\.rawValue) == ["chat", "mod", "channel", "analysis", "sys"])
    #expect(EventStream.allCases.sorted() == EventStream.allCases)
    #expect(EventStream.chat < .sys)
    #expect(!(EventStream.sys < .chat))
  }

  @Test func sequenceNumbersCodeAsAnObjectWithSortedStreamKeys() throws {
    let seqs: SequenceNumbers = [.sys: 1, .chat: 2, .analysis: 3]
    #expect(try WireCoding.encode(seqs) == Array(#"{"analysis":3,"chat":2,"sys":1}"#.utf8))
    #expect(try WireCoding.decode(SequenceNumbers.self, from: ["sys": 1, "chat": 2, "analysis": 3]) == seqs)
    #expect(try WireCoding.decode(SequenceNumbers.self, from: [:]) == [:])
  }

  @Test func unknownStreamKeyIsAnError() {
    #expect(throws: DecodingError.self) { try WireCoding.decode(SequenceNumbers.self, from: ["video": 1]) }
  }
}
