import Foundation
import Testing
import WardenProtocol

/// The gateway's typed payloads against their golden files: encoding gives exactly the golden bytes
/// (directly and through `JSONValue`), decoding the golden gives the value back.
struct GatewayEventGoldenTests {
  typealias Case = TypedPayloadGoldenTests.Case

  @Test func chatMessage() throws { try Case(golden: .eventChatMessage, value: GatewayFixtures.chatMessage).check() }
  @Test func chatDelete() throws { try Case(golden: .eventChatDelete, value: GatewayFixtures.chatDelete).check() }
  @Test func chatClear() throws { try Case(golden: .eventChatClear, value: GatewayFixtures.chatClear).check() }
  @Test func modBan() throws { try Case(golden: .eventModBan, value: GatewayFixtures.modBan).check() }
  @Test func modTimeout() throws { try Case(golden: .eventModTimeout, value: GatewayFixtures.modTimeout).check() }
  @Test func modUnban() throws { try Case(golden: .eventModUnban, value: GatewayFixtures.modUnban).check() }
  @Test func modWarn() throws { try Case(golden: .eventModWarn, value: GatewayFixtures.modWarn).check() }
  @Test func modMode() throws { try Case(golden: .eventModMode, value: GatewayFixtures.modMode).check() }
  @Test func modAutoModHeld() throws {
    try Case(golden: .eventModAutomodHeld, value: GatewayFixtures.autoModHeld).check()
  }
  @Test func modAutoModResolved() throws {
    try Case(golden: .eventModAutomodResolved, value: GatewayFixtures.autoModResolved).check()
  }
  @Test func channelOnline() throws {
    try Case(golden: .eventChannelOnline, value: GatewayFixtures.channelOnline).check()
  }
  @Test func channelOffline() throws {
    try Case(golden: .eventChannelOffline, value: GatewayFixtures.channelOffline).check()
  }
  @Test func channelRaid() throws { try Case(golden: .eventChannelRaid, value: GatewayFixtures.channelRaid).check() }
  @Test func channelSub() throws { try Case(golden: .eventChannelSub, value: GatewayFixtures.channelSub).check() }
  @Test func channelFollow() throws {
    try Case(golden: .eventChannelFollow, value: GatewayFixtures.channelFollow).check()
  }
  @Test func sysConnection() throws {
    try Case(golden: .eventSysConnection, value: GatewayFixtures.connection).check()
  }
  @Test func sysAuthRevoked() throws {
    try Case(golden: .eventSysAuthRevoked, value: GatewayFixtures.authRevoked).check()
  }
}

/// The rules every payload follows on the wire.
struct GatewayPayloadRuleTests {
  @Test func absentOptionalsAreWrittenAsNull() throws {
    let clear = ChatClearData(channel: GatewayFixtures.channel, source: .irc)
    #expect(
      try WireCoding.encode(clear)
        == Array(
          #"{"channel":{"id":"12826","login":"streamer_tv"},"moderator":null,"source":"irc","twitch_ts":null}"#.utf8))
  }

  @Test func payloadsWithoutOptionalMembersDecode() throws {
    // A client may meet a payload written without its null members; it decodes the same.
    let json: JSONValue = ["channel": ["id": "12826", "login": "streamer_tv"], "source": "irc"]
    #expect(
      try WireCoding.decode(ChatClearData.self, from: json)
        == ChatClearData(channel: GatewayFixtures.channel, source: .irc))
  }

  @Test func emoteRangesCountUnicodeScalarsHalfOpen() {
    let message = GatewayFixtures.chatMessage
    let scalars = Array(message.text.unicodeScalars)
    for emote in message.emotes {
      var name = String.UnicodeScalarView()
      name.append(contentsOf: scalars[emote.start..<emote.end])
      #expect(String(name) == "Kappa")
    }
    // Counted in UTF-8 bytes or UTF-16 units the rocket would shift the range.
    #expect(message.text.utf8.count != scalars.count)
    #expect(message.text.utf16.count != scalars.count)
  }

  @Test(arguments: EventSource.allCases)
  func sourceRoundTrips(_ source: EventSource) throws {
    #expect(try WireCoding.value(source) == .string(source.rawValue))
    #expect(try WireCoding.decode(EventSource.self, from: .string(source.rawValue)) == source)
  }

  @Test func wireNamesOfTheEnums() {
    #expect(EventSource.allCases.map(\.rawValue) == ["irc", "eventsub", "both"])
    #expect(ChatMode.allCases.map(\.rawValue) == ["slow", "followers", "subs", "emote_only", "unique_chat"])
    #expect(SubKind.allCases.map(\.rawValue) == ["sub", "resub", "gift", "community_gift"])
    #expect(AutoModStatus.allCases.map(\.rawValue) == ["approved", "denied", "expired"])
    #expect(GatewayTransport.allCases.map(\.rawValue) == ["irc", "eventsub"])
    #expect(ConnectionState.allCases.map(\.rawValue) == ["connected", "reconnecting", "disconnected"])
  }

  @Test func unknownSourceIsRejected() {
    #expect(throws: DecodingError.self) {
      try WireCoding.decode(EventSource.self, from: "smoke_signal")
    }
  }

  @Test func payloadTravelsInAnEnvelope() throws {
    let envelope = Envelope(
      type: .modBan, id: "31018e0fe7bf5e45-mod-7", seq: 7, epoch: Fixtures.epoch, ts: Fixtures.ts,
      channel: GatewayFixtures.channel.login, data: try WireCoding.value(GatewayFixtures.modBan))
    let decoded = try Envelope.decode(envelope.encoded())
    #expect(decoded.topic == "mod.ban.streamer_tv")
    #expect(try decoded.decodeData(ModBanData.self) == GatewayFixtures.modBan)
  }
}

/// Each gateway event type: its wire name, stream and topic.
struct GatewayEventTypeTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let type: EventType
    let text: String
    let stream: EventStream
    let channel: String?
    let topic: String
    var testDescription: String { text }
  }

  static let rows: [Row] = [
    Row(
      type: .chatMessage, text: "chat.message", stream: .chat, channel: "streamer_tv", topic: "chat.message.streamer_tv"
    ),
    Row(
      type: .chatDelete, text: "chat.delete", stream: .chat, channel: "streamer_tv", topic: "chat.delete.streamer_tv"),
    Row(type: .chatClear, text: "chat.clear", stream: .chat, channel: "streamer_tv", topic: "chat.clear.streamer_tv"),
    Row(type: .modBan, text: "mod.ban", stream: .mod, channel: "streamer_tv", topic: "mod.ban.streamer_tv"),
    Row(type: .modTimeout, text: "mod.timeout", stream: .mod, channel: "streamer_tv", topic: "mod.timeout.streamer_tv"),
    Row(type: .modUnban, text: "mod.unban", stream: .mod, channel: "streamer_tv", topic: "mod.unban.streamer_tv"),
    Row(type: .modWarn, text: "mod.warn", stream: .mod, channel: "streamer_tv", topic: "mod.warn.streamer_tv"),
    Row(type: .modMode, text: "mod.mode", stream: .mod, channel: "streamer_tv", topic: "mod.mode.streamer_tv"),
    Row(
      type: .modAutoModHeld, text: "mod.automod_held", stream: .mod, channel: "streamer_tv",
      topic: "mod.automod_held.streamer_tv"),
    Row(
      type: .modAutoModResolved, text: "mod.automod_resolved", stream: .mod, channel: "streamer_tv",
      topic: "mod.automod_resolved.streamer_tv"),
    Row(
      type: .channelOnline, text: "channel.online", stream: .channel, channel: "streamer_tv",
      topic: "channel.online.streamer_tv"),
    Row(
      type: .channelOffline, text: "channel.offline", stream: .channel, channel: "streamer_tv",
      topic: "channel.offline.streamer_tv"),
    Row(
      type: .channelRaid, text: "channel.raid", stream: .channel, channel: "streamer_tv",
      topic: "channel.raid.streamer_tv"),
    Row(
      type: .channelSub, text: "channel.sub", stream: .channel, channel: "streamer_tv", topic: "channel.sub.streamer_tv"
    ),
    Row(
      type: .channelFollow, text: "channel.follow", stream: .channel, channel: "streamer_tv",
      topic: "channel.follow.streamer_tv"),
    Row(type: .sysConnection, text: "sys.connection", stream: .sys, channel: nil, topic: "sys.connection._"),
    Row(type: .sysAuthRefreshed, text: "sys.auth_refreshed", stream: .sys, channel: nil, topic: "sys.auth_refreshed._"),
    Row(type: .sysAuthExpired, text: "sys.auth_expired", stream: .sys, channel: nil, topic: "sys.auth_expired._"),
    Row(type: .sysAuthRevoked, text: "sys.auth_revoked", stream: .sys, channel: nil, topic: "sys.auth_revoked._"),
    Row(type: .sysAuthInvalid, text: "sys.auth_invalid", stream: .sys, channel: nil, topic: "sys.auth_invalid._"),
  ]

  @Test(arguments: rows)
  func nameStreamAndTopic(_ row: Row) throws {
    #expect(row.type.description == row.text)
    #expect(row.type.stream == row.stream)
    #expect(Topic.isValidSegment(row.type.name))
    #expect(EventType(row.text) == row.type)
    #expect(Topic.make(type: row.type, channel: row.channel) == row.topic)
    #expect(Topic.isValid(row.topic))
    #expect(Topic.prefix(row.stream.rawValue + ".", matches: row.topic))
    #expect(try WireCoding.value(row.type) == .string(row.text))
  }

  @Test func theTableCoversEveryGatewayTypeOnceInOrder() {
    #expect(Self.rows.map(\.type) == EventType.gatewayTypes)
    #expect(Set(EventType.gatewayTypes).count == EventType.gatewayTypes.count)
  }

  @Test func gatewayTypesDoNotCollideWithTheUnsequencedOnes() {
    #expect(!EventType.gatewayTypes.contains(.welcome))
    #expect(!EventType.gatewayTypes.contains(.heartbeat))
  }

  @Test(arguments: EventType.gatewayTypes)
  func everyTypeHasAValidStreamAndName(_ type: EventType) {
    #expect(EventStream.allCases.contains(type.stream))
    #expect(Topic.isValidSegment(type.name))
    #expect(EventType(stream: type.stream, name: type.name) == type)
  }
}
