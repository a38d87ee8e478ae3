import Foundation
import Testing

@testable import WardenProtocol

/// `JSONReader`, the subscriber's fast path, against `WireCoding.decoder`: wherever the reader
/// gives a value it is Foundation's value; where it cannot be sure it gives `nil`.
struct JSONReaderTests {
  private func foundation(_ bytes: [UInt8]) -> JSONValue? {
    try? WireCoding.decoder.decode(JSONValue.self, from: Data(bytes))
  }

  @Test(arguments: [
    #"{}"#, #"[]"#, #"{"a":{}}"#, #"[[],[[]],{}]"#, "null", "true", "false", "0", "-1", "42", "\"\"",
    #"9223372036854775807"#, #"-9223372036854775808"#, #"[1,-2,300,true,false,null,"x"]"#,
    " \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : null } \n",
    #""plain ASCII, / and é 🚀 in UTF-8""#,
    #""\" \\ \/ \b \f \n \r \t""#, #""\u0000\u001f\u007f\u00e9\u20ac\uFFFD\uffff""#, #""\ud83d\ude80 rocket""#,
    #""\uD83D\uDE80\uDBFF\uDFFF""#, #"{"k\u00e9y":"v","key":1}"#,
    #"{"v":1,"type":"chat.message","id":"e-chat-1","stream":"chat","seq":1,"epoch":"e","ts":5,"channel":null,"#
      + #""cause":null,"data":{"text":"hi"}}"#,
  ])
  func readsWhatFoundationReads(_ json: String) throws {
    let bytes = Array(json.utf8)
    let expected = try #require(foundation(bytes), "Foundation cannot read \(json)")
    #expect(JSONReader.value(bytes) == expected)
  }

  /// Things Foundation reads in its own way, or rejects: the reader leaves them to it.
  @Test(arguments: [
    "1.0", "0.875", "1e3", "1E3", "-0", "01", "-", "9223372036854775808", "-9223372036854775809",
    "18446744073709551616", #"{"a":1,"a":2}"#, #"{"é":1,"e\u0301":2}"#, #""\ud83d""#, #""\ude80""#,
    #""\ud83d\u0041""#, #""\x""#, #""\u12""#, #""\u12G4""#, "\"tab\there\"", "\"nul\u{0}\"", #""open"#, "[1,2",
    "[1,]", #"{"a":1,}"#, "{,}", #"{"a"}"#, #"{"a" 1}"#, "[1 2]", "tru", "nul", "1 2", "{} x", "", " ", "+1",
    ".5", "NaN", "'x'",
  ])
  func leavesTheRestToFoundation(_ json: String) {
    #expect(JSONReader.value(Array(json.utf8)) == nil)
  }

  @Test func leavesInvalidUTF8AndDeepNestingToFoundation() {
    #expect(JSONReader.value([0x22, 0xFF, 0x22]) == nil)
    #expect(JSONReader.value([0x22, 0xC3, 0x22]) == nil)
    #expect(JSONReader.value([0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22]) == nil)  // "\n" + a UTF-8 surrogate
    let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    #expect(JSONReader.value(Array(deep.utf8)) == nil)
    let fine = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
    #expect(JSONReader.value(Array(fine.utf8)) == foundation(Array(fine.utf8)))
  }

  @Test(arguments: Golden.allCases)
  func goldenFilesReadAsFoundationReadsThem(_ golden: Golden) throws {
    let bytes = try golden.bytes
    let expected = try #require(foundation(bytes))
    if let value = JSONReader.value(bytes) {
      #expect(value == expected)
    } else {
      // Only a fraction sends a golden file to Foundation.
      #expect(String(decoding: bytes, as: UTF8.self).contains(/\d\.\d/), "\(golden.fileName) was left to Foundation")
    }
  }

  /// Every string the ChatMessage generator makes, written by both encoders, with and without
  /// escaped slashes, reads back as Foundation reads it.
  @Test(arguments: 0..<4)
  func generatedPayloadsReadAsFoundationReadsThem(_ seed: UInt64) throws {
    var generator = ChatMessageSamples.Generator(seed: seed + 100)
    let escapingSlashes = JSONEncoder()
    escapingSlashes.outputFormatting = [.sortedKeys]
    for _ in 0..<200 {
      let message = generator.message()
      for bytes in [message.jsonBytes, Array(try escapingSlashes.encode(message))] {
        let value = try #require(JSONReader.value(bytes))
        #expect(value == foundation(bytes))
      }
    }
  }
}

/// `Envelope.decode` reads the daemon's envelopes without Foundation and gets what
/// Foundation's `Codable` path gets.
struct EnvelopeReadingTests {
  private func codable(_ bytes: [UInt8]) throws -> Envelope {
    try WireCoding.decoder.decode(Envelope.self, from: Data(bytes))
  }

  @Test func chatMessageEnvelopesAreReadWithoutFoundation() throws {
    var generator = ChatMessageSamples.Generator(seed: 7)
    for number in 1...300 {
      let message = generator.message()
      let bytes = Envelope.encode(
        type: .chatMessage, id: .numbered(tag: "chat", number: UInt64(number)), seq: UInt64(number),
        epoch: Fixtures.epoch, ts: Fixtures.ts, channel: number % 3 == 0 ? nil : message.channel.login,
        cause: number % 5 == 0 ? "req-\(number)" : nil, data: message.jsonBytes)
      let read = try #require(Envelope.readWithoutFoundation(bytes))
      #expect(read == (try codable(bytes)))
      #expect(try Envelope.decode(bytes) == read)
    }
  }

  @Test(arguments: [Golden.envelopeSysWelcome, .envelopeSysHeartbeat, .envelopeModBan])
  func goldenEnvelopesDecodeAsCodableDecodesThem(_ golden: Golden) throws {
    let bytes = try golden.bytes
    #expect(try Envelope.decode(bytes) == (try codable(bytes)))
  }

  @Test(arguments: [
    // Absent and null optional members.
    #"{"v":1,"type":"sys.heartbeat","id":"i","stream":"sys","seq":0,"epoch":"e","ts":5}"#,
    #"{"v":1,"type":"sys.heartbeat","id":"i","stream":"sys","seq":0,"epoch":"e","ts":5,"data":null}"#,
    #"{"data":{"a":[1]},"ts":-5,"epoch":"e","seq":7,"stream":"mod","id":"i","type":"mod.ban","v":1,"x":true}"#,
  ])
  func unusualButValidEnvelopesDecodeAsCodableDecodesThem(_ json: String) throws {
    let bytes = Array(json.utf8)
    #expect(Envelope.readWithoutFoundation(bytes) != nil)
    #expect(try Envelope.decode(bytes) == (try codable(bytes)))
  }

  /// Envelopes the reader declines; `decode` then throws Foundation's error.
  @Test(arguments: [
    #"{"v":2,"type":"mod.ban","id":"i","stream":"mod","seq":1,"epoch":"e","ts":5}"#,
    #"{"v":1,"type":"mod.ban","id":"i","stream":"chat","seq":1,"epoch":"e","ts":5}"#,
    #"{"v":1,"type":"mod","id":"i","stream":"mod","seq":1,"epoch":"e","ts":5}"#,
    #"{"v":1,"type":"mod.ban","id":"i","stream":"mod","seq":-1,"epoch":"e","ts":5}"#,
    #"{"v":1,"type":"mod.ban","id":"i","stream":"mod","seq":1,"epoch":"e","ts":"5"}"#,
    #"{"v":1,"type":"mod.ban","id":"i","stream":"mod","seq":1,"epoch":"e","ts":5,"channel":3}"#,
    #"{"v":1,"type":"mod.ban","id":"i","stream":"mod","seq":1,"epoch":"e"}"#,
    #"[1]"#,
  ])
  func invalidEnvelopesStillThrow(_ json: String) {
    let bytes = Array(json.utf8)
    #expect(Envelope.readWithoutFoundation(bytes) == nil)
    #expect(throws: (any Error).self) { try Envelope.decode(bytes) }
  }
}
