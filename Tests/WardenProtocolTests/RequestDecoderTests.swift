import Testing
import WardenProtocol

struct RequestDecoderTests {
  /// A malformed request frame and the error its reply must carry.
  struct Malformed: Sendable, CustomTestStringConvertible {
    let label: String
    let frame: [UInt8]
    let maxBytes: Int
    let code: ErrorCode
    /// The id the failure carries, read from the request when possible.
    let id: String?
    /// A piece of the message that says what was wrong.
    let says: String

    init(_ label: String, _ text: String, maxBytes: Int = 1024, _ code: ErrorCode, id: String? = nil, says: String) {
      self.init(label, bytes: Array(text.utf8), maxBytes: maxBytes, code, id: id, says: says)
    }

    init(_ label: String, bytes: [UInt8], maxBytes: Int = 1024, _ code: ErrorCode, id: String? = nil, says: String) {
      self.label = label
      self.frame = bytes
      self.maxBytes = maxBytes
      self.code = code
      self.id = id
      self.says = says
    }

    var testDescription: String { "\(code.rawValue): \(label)" }
  }

  static let id256 = String(repeating: "i", count: 256)
  static let id257 = String(repeating: "i", count: 257)
  static let crab65 = String(repeating: "🦀", count: 65)  // 260 bytes in 65 characters

  static let malformed: [Malformed] = [
    // Size comes first: nothing of an oversized frame is read, not even its id.
    Malformed(
      "one byte over the limit", #"{"v":1,"id":"a","cmd":"ping","args":{}}"#, maxBytes: 38, .tooLarge,
      says: "request is 39 bytes; the limit is 38"),
    Malformed(
      "over the limit and broken", bytes: [UInt8](repeating: 0xFF, count: 2000), maxBytes: 1024, .tooLarge,
      says: "the limit is 1024"),
    Malformed("limit zero", "{}", maxBytes: 0, .tooLarge, says: "2 bytes"),

    // UTF-8
    Malformed("lone 0xFF", bytes: [0x7B, 0xFF, 0x7D], .invalidUTF8, says: "offset 1"),
    Malformed(
      "bad byte inside the id", bytes: Array(#"{"v":1,"id":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8),
      .invalidUTF8, says: "offset 13"),
    Malformed("overlong slash", bytes: [0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, says: "offset 1"),
    Malformed("encoded surrogate", bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, says: "offset 1"),
    Malformed("truncated sequence", bytes: Array("\"é".utf8) + [0xE2, 0x82], .invalidUTF8, says: "offset 3"),
    Malformed("continuation byte first", bytes: [0x80], .invalidUTF8, says: "offset 0"),
    Malformed("beyond U+10FFFF", bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, says: "not valid UTF-8"),

    // JSON
    Malformed("empty frame", "", .invalidJSON, says: "not valid JSON"),
    Malformed("whitespace only", "  \n", .invalidJSON, says: "not valid JSON"),
    Malformed("truncated object", #"{"v":1,"id":"a""#, .invalidJSON, says: "not valid JSON"),
    Malformed("single quotes", "{'v':1}", .invalidJSON, says: "not valid JSON"),
    Malformed("unquoted key", "{v:1}", .invalidJSON, says: "not valid JSON"),
    Malformed("garbage after the object", #"{"v":1} {}"#, .invalidJSON, says: "not valid JSON"),
    Malformed("bare word", "ping", .invalidJSON, says: "not valid JSON"),
    Malformed("NaN", #"{"v":NaN}"#, .invalidJSON, says: "not valid JSON"),
    Malformed("comment", #"{"v":1 /* one */}"#, .invalidJSON, says: "not valid JSON"),

    // Not an object
    Malformed("array", "[]", .invalidRequest, says: "must be a JSON object, not an array"),
    Malformed("array of a request", #"[{"v":1,"id":"a","cmd":"ping"}]"#, .invalidRequest, says: "not an array"),
    Malformed("string", #""ping""#, .invalidRequest, says: "not a string"),
    Malformed("number", "42", .invalidRequest, says: "not a number"),
    Malformed("fraction", "4.5", .invalidRequest, says: "not a number"),
    Malformed("boolean", "true", .invalidRequest, says: "not a boolean"),
    Malformed("null", "null", .invalidRequest, says: "not a null"),

    // Missing fields: v, then id, then cmd
    Malformed("empty object", "{}", .missingField, says: "no 'v'"),
    Malformed("no v, id kept", #"{"id":"r1","cmd":"ping"}"#, .missingField, id: "r1", says: "no 'v'"),
    Malformed("no id", #"{"v":1,"cmd":"ping"}"#, .missingField, says: "no 'id'"),
    Malformed("no cmd", #"{"v":1,"id":"r1"}"#, .missingField, id: "r1", says: "no 'cmd'"),
    Malformed("no cmd, args present", #"{"v":1,"id":"r1","args":{}}"#, .missingField, id: "r1", says: "no 'cmd'"),

    // v
    Malformed(
      "v a string", #"{"v":"1","id":"r1","cmd":"ping"}"#, .invalidField, id: "r1",
      says: "'v' must be the integer 1, not a string"),
    Malformed("v null", #"{"v":null,"id":"r1","cmd":"ping"}"#, .invalidField, id: "r1", says: "not a null"),
    Malformed("v a boolean", #"{"v":true,"id":"r1","cmd":"ping"}"#, .invalidField, id: "r1", says: "'v'"),
    Malformed("v an array", #"{"v":[1],"id":"r1","cmd":"ping"}"#, .invalidField, id: "r1", says: "not an array"),
    Malformed("v a fraction", #"{"v":1.5,"id":"r1","cmd":"ping"}"#, .invalidField, id: "r1", says: "a fraction"),
    Malformed("v past Int64", #"{"v":1e300,"id":"r1","cmd":"ping"}"#, .invalidField, id: "r1", says: "out-of-range"),
    Malformed("v 2", #"{"v":2,"id":"r1","cmd":"ping"}"#, .unsupportedVersion, id: "r1", says: "version 2"),
    Malformed("v 0", #"{"v":0,"id":"r1","cmd":"ping"}"#, .unsupportedVersion, id: "r1", says: "version 0"),
    Malformed("v -1", #"{"v":-1,"id":"r1","cmd":"ping"}"#, .unsupportedVersion, id: "r1", says: "speaks 1"),
    Malformed(
      "v huge", #"{"v":99999999999,"id":"r1","cmd":"ping"}"#, .unsupportedVersion, id: "r1", says: "99999999999"),
    Malformed("v checked before id", #"{"v":2,"id":5}"#, .unsupportedVersion, says: "version 2"),
    Malformed("v checked before missing id and cmd", #"{"v":2}"#, .unsupportedVersion, says: "version 2"),
    Malformed("invalid v before missing id and cmd", #"{"v":"1"}"#, .invalidField, says: "'v'"),

    // id
    Malformed("id a number", #"{"v":1,"id":7,"cmd":"ping"}"#, .invalidField, says: "'id' must be a string"),
    Malformed("id null", #"{"v":1,"id":null,"cmd":"ping"}"#, .invalidField, says: "not a null"),
    Malformed("id an object", #"{"v":1,"id":{},"cmd":"ping"}"#, .invalidField, says: "not an object"),
    Malformed("id empty", #"{"v":1,"id":"","cmd":"ping"}"#, .invalidField, id: "", says: "a string of 0 bytes"),
    Malformed(
      "id of 257 bytes", #"{"v":1,"id":"\#(id257)","cmd":"ping"}"#, .invalidField, id: id257,
      says: "a string of 257 bytes"),
    Malformed(
      "id of 65 emoji (260 bytes)", #"{"v":1,"id":"\#(crab65)","cmd":"ping"}"#, .invalidField, id: crab65,
      says: "260 bytes"),
    Malformed("id checked before cmd", #"{"v":1,"id":""}"#, .invalidField, id: "", says: "'id'"),

    // cmd
    Malformed("cmd empty", #"{"v":1,"id":"r1","cmd":""}"#, .invalidField, id: "r1", says: "a string of 0 bytes"),
    Malformed("cmd a number", #"{"v":1,"id":"r1","cmd":5}"#, .invalidField, id: "r1", says: "not a number"),
    Malformed("cmd null", #"{"v":1,"id":"r1","cmd":null}"#, .invalidField, id: "r1", says: "not a null"),
    Malformed("cmd an array", #"{"v":1,"id":"r1","cmd":["ping"]}"#, .invalidField, id: "r1", says: "not an array"),

    // args
    Malformed("args an array", #"{"v":1,"id":"r1","cmd":"ping","args":[]}"#, .invalidField, id: "r1", says: "an array"),
    Malformed(
      "args a string", #"{"v":1,"id":"r1","cmd":"ping","args":"x"}"#, .invalidField, id: "r1", says: "a string"),
    Malformed("args a number", #"{"v":1,"id":"r1","cmd":"ping","args":0}"#, .invalidField, id: "r1", says: "a number"),
    Malformed("args false", #"{"v":1,"id":"r1","cmd":"ping","args":false}"#, .invalidField, id: "r1", says: "'args'"),
  ]

  @Test(arguments: malformed)
  func rejects(_ example: Malformed) {
    switch RequestDecoder.decode(example.frame, maxBytes: example.maxBytes) {
    case .success(let request):
      Issue.record("accepted as \(request)")
    case .failure(let failure):
      #expect(failure.error.code == example.code)
      #expect(failure.id == example.id)
      #expect(failure.error.message.contains(example.says), "message: \(failure.error.message)")
      #expect(!failure.error.retryable)
    }
  }

  /// A well-formed request and what it decodes to.
  struct WellFormed: Sendable, CustomTestStringConvertible {
    let label: String
    let frame: String
    let expected: CommandRequest
    var testDescription: String { label }
  }

  static let wellFormed: [WellFormed] = [
    WellFormed(
      label: "args absent", frame: #"{"v":1,"id":"r1","cmd":"ping"}"#, expected: CommandRequest(id: "r1", cmd: "ping")),
    WellFormed(
      label: "args null", frame: #"{"v":1,"id":"r1","cmd":"ping","args":null}"#,
      expected: CommandRequest(id: "r1", cmd: "ping")),
    WellFormed(
      label: "args empty", frame: #"{"v":1,"id":"r1","cmd":"ping","args":{}}"#,
      expected: CommandRequest(id: "r1", cmd: "ping")),
    WellFormed(
      label: "args object",
      frame: #"{"v":1,"id":"r1","cmd":"mod.ban","args":{"user":"x","duration_s":600,"why":{"rule":3,"score":0.5}}}"#,
      expected: CommandRequest(
        id: "r1", cmd: "mod.ban", args: ["user": "x", "duration_s": 600, "why": ["rule": 3, "score": .double(0.5)]])),
    WellFormed(
      label: "members in any order", frame: #"{"args":{"a":1},"cmd":"x","id":"r1","v":1}"#,
      expected: CommandRequest(id: "r1", cmd: "x", args: ["a": 1])),
    WellFormed(
      label: "unknown members ignored", frame: #"{"v":1,"id":"r1","cmd":"ping","extra":[1,2],"trace":"t"}"#,
      expected: CommandRequest(id: "r1", cmd: "ping")),
    WellFormed(
      label: "whitespace around", frame: " \n{ \"v\" : 1 , \"id\" : \"r1\" , \"cmd\" : \"ping\" }\n ",
      expected: CommandRequest(id: "r1", cmd: "ping")),
    WellFormed(
      label: "v written 1.0", frame: #"{"v":1.0,"id":"r1","cmd":"ping"}"#,
      expected: CommandRequest(id: "r1", cmd: "ping")
    ),
    WellFormed(
      label: "id of 256 bytes", frame: #"{"v":1,"id":"\#(id256)","cmd":"ping"}"#,
      expected: CommandRequest(id: id256, cmd: "ping")),
    WellFormed(
      label: "id of 64 emoji (256 bytes)", frame: #"{"v":1,"id":"\#(String(repeating: "🦀", count: 64))","cmd":"ping"}"#,
      expected: CommandRequest(id: String(repeating: "🦀", count: 64), cmd: "ping")),
    WellFormed(
      label: "escaped id and unicode command", frame: #"{"v":1,"id":"a\"b\\c\u00e9","cmd":"日本"}"#,
      expected: CommandRequest(id: "a\"b\\cé", cmd: "日本")),
    WellFormed(
      label: "unknown command is still a request", frame: #"{"v":1,"id":"r1","cmd":"no.such.command"}"#,
      expected: CommandRequest(id: "r1", cmd: "no.such.command")),
  ]

  @Test(arguments: wellFormed)
  func accepts(_ example: WellFormed) throws {
    let decoded = try RequestDecoder.decode(Array(example.frame.utf8), maxBytes: 1024).get()
    #expect(decoded == example.expected)
    #expect(decoded.v == 1)
  }

  @Test(arguments: [
    #"{"v":1,"id":"a","cmd":"ping",}"#,
    #"{"v":1,"id":"a","cmd":"ping","args":{"x":[1,2,]}}"#,
  ])
  func trailingCommasAreInvalidJSON(_ frame: String) {
    // Foundation's parser on Linux accepts trailing commas, which RFC 8259 does not allow.
    let decoded = RequestDecoder.decode(Array(frame.utf8), maxBytes: 1024)
    withKnownIssue("JSONDecoder accepts trailing commas, so RequestDecoder does too") {
      guard case .failure(let failure) = decoded else {
        Issue.record("accepted")
        return
      }
      #expect(failure.error.code == .invalidJSON)
    }
  }

  @Test func frameOfExactlyTheLimitIsAccepted() throws {
    let frame = Array(#"{"v":1,"id":"a","cmd":"ping"}"#.utf8)
    #expect(throws: Never.self) { try RequestDecoder.decode(frame, maxBytes: frame.count).get() }
  }

  @Test(arguments: [
    CommandRequest(id: "r1", cmd: "ping"),
    CommandRequest(id: "cli-5f1e", cmd: "mod.ban", args: ["user": "x", "nested": ["a": [1, 2, nil]]]),
    CommandRequest(id: "\"quoted\" \\ id\n🦀", cmd: "events.since", args: ["stream": "mod", "after": 0]),
  ])
  func encodedRequestsDecodeToThemselves(_ request: CommandRequest) throws {
    #expect(try RequestDecoder.decode(request.encoded(), maxBytes: 1 << 16).get() == request)
  }

  @Test func parseJSONReportsInvalidJSON() {
    let error = #expect(throws: ProtocolError.self) { try RequestDecoder.parseJSON(Array("{".utf8)) }
    #expect(error?.code == .invalidJSON)
    #expect(error?.message.hasPrefix("request is not valid JSON") == true)
  }
}
