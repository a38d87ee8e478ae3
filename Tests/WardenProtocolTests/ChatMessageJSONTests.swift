import Foundation
import Testing
import WardenProtocol

/// `ChatMessageData.jsonBytes`, the hand-written `chat.message` writer, against the Codable path
/// (`WireCoding.encode`): the same bytes for the golden message, for a table of edge cases and for
/// thousands of generated messages.
struct ChatMessageJSONTests {
  /// Both encoders, byte for byte; on a difference, where it starts. Returns whether they agreed.
  @discardableResult
  private func expectIdentical(
    _ message: ChatMessageData, _ label: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Bool {
    let expected = try WireCoding.encode(message)
    let written = message.jsonBytes
    guard written != expected else { return true }
    let common = min(written.count, expected.count)
    let offset = (0..<common).first { written[$0] != expected[$0] } ?? common
    Issue.record(
      """
      \(label()) differs at byte \(offset):
        JSONEncoder: \(String(decoding: expected, as: UTF8.self))
        jsonBytes:   \(String(decoding: written, as: UTF8.self))
      """, sourceLocation: sourceLocation)
    return false
  }

  @Test func goldenMessageGivesTheGoldenBytes() throws {
    try expectGolden(GatewayFixtures.chatMessage.jsonBytes, .eventChatMessage)
    try expectIdentical(GatewayFixtures.chatMessage)
  }

  @Test func writtenBytesDecodeToTheSameMessage() throws {
    let bytes = GatewayFixtures.chatMessage.jsonBytes
    #expect(try WireCoding.decoder.decode(ChatMessageData.self, from: Data(bytes)) == GatewayFixtures.chatMessage)
  }

  @Test func minimalMessageWritesEveryAbsentMemberAsNull() throws {
    let message = ChatMessageData(
      channel: TwitchChannel(id: "1", login: "c"), messageID: "", user: TwitchUser(login: "u"), text: "",
      source: .irc)
    #expect(
      message.jsonBytes
        == Array(
          (#"{"badges":[],"bits":null,"channel":{"id":"1","login":"c"},"color":null,"emotes":[],"#
            + #""is_action":false,"is_first_message":false,"is_returning_chatter":false,"message_id":"","#
            + #""reply":null,"shared_chat":null,"source":"irc","text":"","twitch_ts":null,"#
            + #""user":{"display_name":null,"id":null,"login":"u"}}"#).utf8))
    try expectIdentical(message)
  }

  /// Every ASCII character and a few others that encoders like to treat specially, alone and
  /// inside text, in every string member.
  @Test(arguments: ChatMessageSamples.specialTexts)
  func specialCharactersAreEscapedAsJSONEncoderDoes(_ text: String) throws {
    try expectIdentical(ChatMessageSamples.message(everyStringMemberSetTo: text), "text \(text.debugDescription)")
  }

  @Test(arguments: [Int.min, -1, 0, 1, 9, 10, 100_000, Int.max])
  func integersMatch(_ value: Int) throws {
    var message = ChatMessageSamples.message(everyStringMemberSetTo: "x")
    message.bits = value
    message.twitchTS = Int64(value)
    message.emotes = [ChatEmote(id: "1", start: value, end: value)]
    try expectIdentical(message)
  }

  @Test(arguments: EventSource.allCases)
  func sourcesMatch(_ source: EventSource) throws {
    var message = GatewayFixtures.chatMessage
    message.source = source
    try expectIdentical(message)
  }

  @Test func emptyAndNilNestedMembersMatch() throws {
    var message = GatewayFixtures.chatMessage
    message.reply?.parentText = nil
    message.reply?.threadMessageID = nil
    message.reply?.threadUser = nil
    message.reply?.parentUser = TwitchUser(login: "p")
    message.sharedChat?.badges = []
    message.badges = []
    message.emotes = []
    try expectIdentical(message)
    message.reply = nil
    message.sharedChat = nil
    message.user = TwitchUser(id: nil, login: "", displayName: "")
    try expectIdentical(message)
  }

  /// Generated messages: random text of every kind, optional members present or not, arrays
  /// empty or long. The seed is fixed, so a failure names a message that can be generated again.
  @Test(arguments: 0..<8)
  func generatedMessagesMatch(_ seed: UInt64) throws {
    var generator = ChatMessageSamples.Generator(seed: seed)
    for index in 0..<500 {
      let message = generator.message()
      // One report per seed is enough to debug with; the rest would repeat it.
      guard try expectIdentical(message, "seed \(seed), message \(index)") else { break }
    }
  }
}

/// `JSONWriter.wireString`, one character at a time, against `JSONEncoder`.
struct WireStringTests {
  @Test func everyScalarBelow0x100AndSomeAboveIsEscapedAsJSONEncoderDoes() throws {
    let encoder = WireCoding.encoder
    var scalars = (0..<0x100).compactMap(Unicode.Scalar.init)
    scalars += ["\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "\u{10FFFF}", "🚀"]
    for scalar in scalars {
      let text = "a" + String(Character(scalar)) + "/"
      var writer = JSONWriter()
      writer.wireString(text)
      // Foundation writes a top-level string as a JSON fragment.
      #expect(writer.bytes == Array(try encoder.encode(text)), "U+\(String(scalar.value, radix: 16))")
    }
  }

  @Test func backspaceAndFormFeedHaveShortEscapesOnlyInWireStrings() {
    var wire = JSONWriter()
    wire.wireString("\u{8}\u{C}")
    #expect(wire.bytes == Array(#""\b\f""#.utf8))
    var compact = JSONWriter()
    compact.string("\u{8}\u{C}")
    #expect(compact.bytes == Array(#""\u0008\u000c""#.utf8))
  }

  @Test func optionalWireStringWritesNullForNil() {
    var writer = JSONWriter()
    writer.optionalWireString(nil)
    writer.raw(",")
    writer.optionalWireString("\u{C}")
    #expect(writer.bytes == Array(#"null,"\f""#.utf8))
  }
}
