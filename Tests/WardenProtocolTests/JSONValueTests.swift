import Foundation
import Testing
import WardenProtocol

private func decode(_ text: String) throws -> JSONValue {
  try RequestDecoder.parseJSON(Array(text.utf8))
}

private func text(_ value: JSONValue) -> String {
  String(decoding: value.jsonBytes, as: UTF8.self)
}

struct JSONValueDecodingTests {
  @Test(arguments: [
    ("null", JSONValue.null),
    ("true", .bool(true)),
    ("false", .bool(false)),
    ("0", .int(0)),
    ("-0", .int(0)),
    ("42", .int(42)),
    ("-17", .int(-17)),
    ("9007199254740993", .int(9_007_199_254_740_993)),  // 2^53 + 1: no double holds it
    ("9223372036854775807", .int(.max)),
    ("-9223372036854775808", .int(.min)),
    ("1767225600123", .int(1_767_225_600_123)),
    ("1.5", .double(1.5)),
    ("-0.25", .double(-0.25)),
    ("0.1", .double(0.1)),
    ("2.5e-3", .double(0.0025)),
    ("1e-7", .double(1e-7)),
    ("9223372036854775808", .double(9.223_372_036_854_775_808e18)),  // past Int64: a double
    (#""""#, .string("")),
    (#""text""#, .string("text")),
    (#""\u00e9\u00E9""#, .string("éé")),
    (#""\ud83e\udd80""#, .string("🦀")),
    (#""🦀 日本語""#, .string("🦀 日本語")),
    (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{8}\u{C}\n\r\t")),
    (#""\u0000\u001f""#, .string("\u{0}\u{1F}")),
    ("[]", .array([])),
    ("{}", .object([:])),
    ("[1,\"a\",null,true,[2.5]]", [1, "a", nil, true, [.double(2.5)]] as JSONValue),
    (#"{"a":{"b":{"c":[{"d":1}]}}}"#, ["a": ["b": ["c": [["d": 1]]]]] as JSONValue),
    (" \n\t{ \"spaced\" : [ 1 , 2 ] }\r\n", ["spaced": [1, 2]] as JSONValue),
  ])
  func decodes(_ json: String, _ expected: JSONValue) throws {
    #expect(try decode(json) == expected)
  }

  @Test func integersStayIntegersAndFractionsStayDoubles() throws {
    let value = try decode(#"{"seq":18446744073709551,"ts":1767225600123,"score":0.875}"#)
    #expect(value["seq"] == .int(18_446_744_073_709_551))
    #expect(value["ts"] == .int(1_767_225_600_123))
    #expect(value["score"] == .double(0.875))
  }

  @Test func integralDoublesSurviveARoundTrip() throws {
    // JSONWriter writes `.double(1.0)` as `1.0`; Foundation's decoder hands `1.0` and `1e3` to
    // the Int64 attempt first, so they come back as `.int`.
    let one = try decode(text(.double(1.0)))
    let thousand = try decode("1e3")
    withKnownIssue("JSONValue decodes 1.0 as .int(1): integral doubles lose their kind") {
      #expect(one == .double(1.0))
      #expect(thousand == .double(1000))
    }
    // The number itself is kept either way.
    #expect(try decode("1.0").intValue == 1)
  }

  @Test(arguments: ["", " ", "nul", "[1,", "{\"a\":}", "{'a':1}", "01", "1.", "+1", "NaN", "\"unterminated", "[1]x"])
  func rejectsInvalidJSON(_ json: String) {
    #expect(throws: ProtocolError.self) { try decode(json) }
  }
}

struct JSONValueEncodingTests {
  @Test(arguments: [
    (JSONValue.null, "null"),
    (.bool(true), "true"),
    (.bool(false), "false"),
    (.int(0), "0"),
    (.int(-17), "-17"),
    (.int(.max), "9223372036854775807"),
    (.int(.min), "-9223372036854775808"),
    (.double(0.5), "0.5"),
    (.double(-0.25), "-0.25"),
    (.double(1.0), "1.0"),
    (.double(0.1), "0.1"),
    (.double(1e-7), "1e-07"),
    (.double(1e21), "1e+21"),
    (.double(.nan), "null"),
    (.double(.infinity), "null"),
    (.double(-.infinity), "null"),
    (.string("plain"), #""plain""#),
    (.array([]), "[]"),
    (.object([:]), "{}"),
    ([1, "two", nil, [false]] as JSONValue, #"[1,"two",null,[false]]"#),
    (["b": 1, "a": 2, "c": ["z": 0, "y": 1]] as JSONValue, #"{"a":2,"b":1,"c":{"y":1,"z":0}}"#),
    (["é": 1, "e": 2, "Z": 3, "_": 4, "a10": 5, "a9": 6] as JSONValue, #"{"Z":3,"_":4,"a10":5,"a9":6,"e":2,"é":1}"#),
  ])
  func encodesCompactly(_ value: JSONValue, _ expected: String) {
    #expect(text(value) == expected)
  }

  @Test func equalObjectsGiveEqualBytesWhateverTheInsertionOrder() {
    var first: [String: JSONValue] = [:]
    var second: [String: JSONValue] = [:]
    let keys = (0..<50).map { "key\($0)" }
    for key in keys { first[key] = .string(key) }
    for key in keys.reversed() { second[key] = .string(key) }
    #expect(JSONValue.object(first).jsonBytes == JSONValue.object(second).jsonBytes)
  }

  @Test func encodedBytesAreValidJSONForFoundation() throws {
    let value: JSONValue = ["text": "a\"b\\c\u{1}\n🦀", "list": [1, .double(2.5), nil], "nested": ["ok": true]]
    let object = try JSONSerialization.jsonObject(with: Data(value.jsonBytes))
    #expect(object is [String: Any])
  }
}

struct JSONValueRoundTripTests {
  static let values: [JSONValue] = [
    .null,
    true,
    .int(0),
    .int(.max),
    .int(.min),
    .int(9_007_199_254_740_993),
    .double(0.875),
    .double(-1.25e-9),
    .double(6.02214076e23),
    "",
    "quote \" backslash \\ slash / newline \n tab \t return \r",
    "control \u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}\u{1F} delete \u{7F}",
    "emoji 🦀🎉👩‍👩‍👧‍👦 flags 🇩🇪 CJK 日本語 한국어 combining e\u{301} RTL مرحبا",
    "line separator \u{2028} paragraph separator \u{2029} BOM \u{FEFF}",
    [],
    [:],
    [1, "2", [3, [4, [5]]], ["six": 6]],
    ["a": ["b": ["c": ["d": ["e": "deep"]]]], "list": [nil, false, .double(0.5)]],
    ["": "empty key", "key with \"quotes\"": 1, "🔑": "emoji key", "new\nline": 2],
  ]

  @Test(arguments: values)
  func jsonWriterThenDecoderGivesTheValueBack(_ value: JSONValue) throws {
    #expect(try RequestDecoder.parseJSON(value.jsonBytes) == value)
  }

  @Test(arguments: values)
  func foundationEncoderThenDecoderGivesTheValueBack(_ value: JSONValue) throws {
    #expect(try WireCoding.value(value) == value)
    let bytes = try WireCoding.encode(value)
    #expect(try RequestDecoder.parseJSON(bytes) == value)
  }

  @Test func multiByteTextKeepsItsExactBytes() throws {
    let decomposed = "e\u{301}"
    let bytes = JSONValue.string(decomposed).jsonBytes
    #expect(bytes == [0x22, 0x65, 0xCC, 0x81, 0x22])
    let decoded = try RequestDecoder.parseJSON(bytes)
    #expect(decoded.stringValue.map { Array($0.utf8) } == [0x65, 0xCC, 0x81])
  }
}

struct JSONValueAccessorTests {
  @Test func subscriptReadsObjectMembersOnly() {
    let value: JSONValue = ["a": 1, "b": ["c": "d"]]
    #expect(value["a"] == .int(1))
    #expect(value["b"]?["c"] == "d")
    #expect(value["missing"] == nil)
    #expect(JSONValue.array([1])["a"] == nil)
    #expect(JSONValue.string("a")["a"] == nil)
  }

  @Test(arguments: [
    (JSONValue.int(7), Int64?.some(7)),
    (.int(.min), .min),
    (.double(3.0), 3),
    (.double(-3.0), -3),
    (.double(3.5), nil),
    (.double(9_007_199_254_740_991), 9_007_199_254_740_991),
    (.double(9_007_199_254_740_992), nil),
    (.double(.nan), nil),
    (.double(.infinity), nil),
    (.string("7"), nil),
    (.bool(true), nil),
    (.null, nil),
  ])
  func intValue(_ value: JSONValue, _ expected: Int64?) {
    #expect(value.intValue == expected)
  }

  @Test func typedAccessorsAnswerOnlyTheirKind() {
    #expect(JSONValue.string("s").stringValue == "s")
    #expect(JSONValue.int(1).stringValue == nil)
    #expect(JSONValue.bool(false).boolValue == false)
    #expect(JSONValue.int(0).boolValue == nil)
    #expect(JSONValue.object(["k": 1]).objectValue == ["k": 1])
    #expect(JSONValue.array([1]).objectValue == nil)
    #expect(JSONValue.array([1]).arrayValue == [1])
    #expect(JSONValue.object([:]).arrayValue == nil)
  }

  @Test(arguments: [
    (JSONValue.null, "null", "a null"),
    (.bool(true), "boolean", "a boolean"),
    (.int(1), "number", "a number"),
    (.double(1.5), "number", "a number"),
    (.string(""), "string", "a string"),
    (.array([]), "array", "an array"),
    (.object([:]), "object", "an object"),
  ])
  func kindNames(_ value: JSONValue, _ name: String, _ phrase: String) {
    #expect(value.kindName == name)
    #expect(value.kindPhrase == phrase)
  }

  @Test func literalsBuildTheMatchingCases() {
    let value: JSONValue = ["s": "text", "i": 3, "b": true, "n": nil, "a": [1, 2]]
    #expect(
      value
        == .object([
          "s": .string("text"), "i": .int(3), "b": .bool(true), "n": .null, "a": .array([.int(1), .int(2)]),
        ]))
  }
}

struct JSONWriterTests {
  @Test(arguments: [
    ("", #""""#),
    ("plain ASCII", #""plain ASCII""#),
    ("quote \"", #""quote \"""#),
    ("back\\slash", #""back\\slash""#),
    ("slash / stays", #""slash / stays""#),
    ("line\nfeed", #""line\nfeed""#),
    ("carriage\rreturn", #""carriage\rreturn""#),
    ("tab\there", #""tab\there""#),
    ("\u{0}", #""\u0000""#),
    ("\u{1}", #""\u0001""#),
    ("\u{8}", #""\u0008""#),
    ("\u{B}", #""\u000b""#),
    ("\u{C}", #""\u000c""#),
    ("\u{1B}[31m", #""\u001b[31m""#),
    ("\u{1F}", #""\u001f""#),
    (" ", #"" ""#),
    ("\u{7F}", "\"\u{7F}\""),
    ("é", "\"é\""),
    ("🦀", "\"🦀\""),
    ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
    ("e\u{301}", "\"e\u{301}\""),
    ("\"\\\n", #""\"\\\n""#),
  ])
  func escapesStrings(_ input: String, _ expected: String) {
    var writer = JSONWriter()
    writer.string(input)
    #expect(writer.bytes == Array(expected.utf8))
  }

  @Test func writesEveryControlCharacterAsAnEscape() throws {
    for scalar in 0..<0x20 {
      var writer = JSONWriter()
      let text = String(Character(UnicodeScalar(UInt8(scalar))))
      writer.string(text)
      let written = String(decoding: writer.bytes, as: UTF8.self)
      #expect(written.hasPrefix("\"\\"), "U+\(String(scalar, radix: 16)) written raw as \(written)")
      #expect(!writer.bytes.dropFirst().dropLast().contains { $0 < 0x20 })
      #expect(try RequestDecoder.parseJSON(writer.bytes) == .string(text))
    }
  }

  @Test(arguments: [
    (Int64(0), "0"),
    (7, "7"),
    (9, "9"),
    (10, "10"),
    (99, "99"),
    (100, "100"),
    (101, "101"),
    (1_000_000, "1000000"),
    (1_767_225_600_123, "1767225600123"),
    (-1, "-1"),
    (-10, "-10"),
    (-909, "-909"),
    (999_999_999_999_999_999, "999999999999999999"),
    (1_000_000_000_000_000_000, "1000000000000000000"),
    (.max, "9223372036854775807"),
    (.min, "-9223372036854775808"),
  ])
  func writesSignedIntegers(_ value: Int64, _ expected: String) {
    var writer = JSONWriter()
    writer.integer(value)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    #expect(expected == String(value))
  }

  @Test(arguments: [
    (UInt64(0), "0"),
    (9_999_999_999_999_999_999, "9999999999999999999"),
    (10_000_000_000_000_000_000, "10000000000000000000"),
    (18_446_744_073_709_551_615, "18446744073709551615"),
  ])
  func writesUnsignedIntegersUpToTwentyDigits(_ value: UInt64, _ expected: String) {
    var writer = JSONWriter()
    writer.integer(value)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
  }

  @Test func integersAppendAfterExistingBytes() {
    var writer = JSONWriter()
    writer.raw("[")
    for value in [0, 5, 10, 123, -45] {
      if writer.bytes.count > 1 { writer.raw(",") }
      writer.integer(value)
    }
    writer.raw("]")
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "[0,5,10,123,-45]")
  }

  @Test(arguments: ["", "plain", "quote \"", "ctl \u{1}\n", "🦀 e\u{301}"])
  func stringFromUTF8BytesMatchesStringFromString(_ text: String) {
    var fromString = JSONWriter()
    fromString.string(text)
    var fromBytes = JSONWriter()
    Array(text.utf8).withUnsafeBufferPointer { fromBytes.string(utf8: $0) }
    #expect(fromBytes.bytes == fromString.bytes)
  }

  @Test func plainCopiesTextWithoutQuotesOrEscapes() {
    var writer = JSONWriter()
    writer.plain("mod_ban")
    writer.plain("42")
    #expect(writer.bytes == Array("mod_ban42".utf8))
  }

  @Test func writesIntegersOfEveryWidth() {
    var writer = JSONWriter()
    writer.integer(UInt64.max)
    writer.raw(",")
    writer.integer(Int64.min)
    writer.raw(",")
    writer.integer(UInt8(7))
    writer.raw(",")
    writer.integer(Int32(-5))
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "18446744073709551615,-9223372036854775808,7,-5")
  }

  @Test func writesOptionalStringsAndNonFiniteDoublesAsNull() {
    var writer = JSONWriter()
    writer.optionalString(nil)
    writer.raw(",")
    writer.optionalString("x")
    writer.raw(",")
    writer.double(.nan)
    writer.raw(",")
    writer.double(2.5)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == #"null,"x",null,2.5"#)
  }

  @Test func rawAppendsBytesUnchanged() {
    var writer = JSONWriter(capacity: 0)
    writer.raw("{")
    writer.raw([0x22, 0x61, 0x22])
    writer.raw(":1}")
    #expect(writer.bytes == Array(#"{"a":1}"#.utf8))
  }
}
