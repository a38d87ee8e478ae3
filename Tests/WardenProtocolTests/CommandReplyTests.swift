import Testing
import WardenProtocol

struct CommandReplyTests {
  @Test(arguments: [
    CommandReply.success(id: "r1", ["pong": true, "ts": 1]),
    .success(id: "r1", .object([:])),
    .success(id: "r1", [1, 2, 3]),
    .success(id: nil, "bare string result"),
    .failure(id: "r1", ProtocolError(.unknownCommand, "no command 'x'")),
    .failure(id: nil, ProtocolError(.tooLarge, "request is 70000 bytes; the limit is 65536")),
    .failure(id: "r2", ProtocolError(.unavailable, "shutting down", retryable: true)),
    .failure(id: "r3", ProtocolError(.epochMismatch, "quote \" backslash \\ newline \n 🦀")),
    .failure(id: "r4", ProtocolError(ErrorCode(rawValue: "some_future_code"), "new in v1.3")),
  ])
  func encodedRepliesDecodeToThemselves(_ reply: CommandReply) throws {
    #expect(try CommandReply.decode(reply.encoded()) == reply)
  }

  @Test func successEncodesOkTrueAndResult() {
    let reply = CommandReply.success(id: "r1", ["pong": true])
    #expect(reply.ok)
    #expect(String(decoding: reply.encoded(), as: UTF8.self) == #"{"v":1,"id":"r1","ok":true,"result":{"pong":true}}"#)
  }

  @Test func failureEncodesOkFalseAndError() {
    let reply = CommandReply.failure(id: "r1", ProtocolError(.invalidArgs, "mod.ban: missing argument 'user'"))
    #expect(!reply.ok)
    #expect(
      String(decoding: reply.encoded(), as: UTF8.self)
        == #"{"v":1,"id":"r1","ok":false,"error":{"code":"invalid_args","message":"mod.ban: missing argument 'user'","retryable":false}}"#
    )
  }

  @Test(arguments: [
    (#"{"v":1,"id":"r1","ok":true}"#, CommandReply.success(id: "r1", .object([:]))),
    (#"{"v":1,"ok":true,"result":5}"#, .success(id: nil, 5)),
    (#"{"v":1,"id":"r1","ok":true,"result":null}"#, .success(id: "r1", nil)),
    (#"{"v":1,"id":7,"ok":true,"result":{}}"#, .success(id: nil, .object([:]))),
    (#"{"v":1,"id":"r1","ok":false,"error":{"code":"internal"}}"#, .failure(id: "r1", ProtocolError(.internal, ""))),
    (
      #"{"v":1,"id":"r1","ok":false,"error":{"code":"unavailable","message":"m","retryable":true,"extra":1}}"#,
      .failure(id: "r1", ProtocolError(.unavailable, "m", retryable: true))
    ),
    (
      #"{"ok":false,"id":null,"error":{"retryable":false,"message":"m","code":"x_y"}}"#,
      .failure(id: nil, ProtocolError(ErrorCode(rawValue: "x_y"), "m"))
    ),
  ])
  func decodesLenientShapes(_ json: String, _ expected: CommandReply) throws {
    #expect(try CommandReply.decode(Array(json.utf8)) == expected)
  }

  @Test(arguments: [
    ("", ErrorCode.invalidJSON),
    ("{", .invalidJSON),
    ("[]", .invalidJSON),
    (#""ok""#, .invalidJSON),
    (#"{"v":1,"id":"r1"}"#, .missingField),
    (#"{"v":1,"id":"r1","ok":1,"result":{}}"#, .missingField),
    (#"{"v":1,"id":"r1","ok":"true"}"#, .missingField),
    (#"{"v":1,"id":"r1","ok":false}"#, .missingField),
    (#"{"v":1,"id":"r1","ok":false,"error":"boom"}"#, .missingField),
    (#"{"v":1,"id":"r1","ok":false,"error":{"message":"no code"}}"#, .missingField),
    (#"{"v":1,"id":"r1","ok":false,"error":{"code":5}}"#, .missingField),
  ])
  func rejectsMalformedReplies(_ json: String, _ code: ErrorCode) {
    let error = #expect(throws: ProtocolError.self) { try CommandReply.decode(Array(json.utf8)) }
    #expect(error?.code == code)
    #expect(error?.message.isEmpty == false)
  }

  @Test func okIsFalseOnlyForFailures() {
    #expect(CommandReply(id: "a", outcome: .success(nil)).ok)
    #expect(!CommandReply(id: "a", outcome: .failure(ProtocolError(.internal, "x"))).ok)
  }

  @Test func versionIsTheWireProtocol() {
    #expect(CommandReply.success(id: nil, nil).v == WardenVersion.wireProtocol)
    #expect(CommandRequest(id: "a", cmd: "b").v == WardenVersion.wireProtocol)
    #expect(WardenVersion.wireProtocol == 1)
  }

  @Test func requestEncodesItsArgsSorted() {
    let request = CommandRequest(id: "r1", cmd: "x", args: ["b": 2, "a": 1])
    #expect(String(decoding: request.encoded(), as: UTF8.self) == #"{"v":1,"id":"r1","cmd":"x","args":{"a":1,"b":2}}"#)
  }

  @Test func commandNames() {
    #expect(
      [CommandName.hello, CommandName.ping, CommandName.status, CommandName.snapshot, CommandName.eventsSince]
        == ["hello", "ping", "status", "snapshot", "events.since"])
  }
}

struct ErrorCodeTests {
  @Test(arguments: [
    (ErrorCode.badFrames, "bad_frames"),
    (.tooLarge, "too_large"),
    (.invalidUTF8, "invalid_utf8"),
    (.invalidJSON, "invalid_json"),
    (.invalidRequest, "invalid_request"),
    (.missingField, "missing_field"),
    (.invalidField, "invalid_field"),
    (.unsupportedVersion, "unsupported_version"),
    (.unknownCommand, "unknown_command"),
    (.invalidArgs, "invalid_args"),
    (.epochMismatch, "epoch_mismatch"),
    (.unavailable, "unavailable"),
    (.internal, "internal"),
  ])
  func wireNames(_ code: ErrorCode, _ name: String) throws {
    #expect(code.rawValue == name)
    #expect(code.description == name)
    #expect(ErrorCode(rawValue: name) == code)
    #expect(try WireCoding.encode(code) == Array("\"\(name)\"".utf8))
    #expect(try WireCoding.decode(ErrorCode.self, from: .string(name)) == code)
  }

  @Test func protocolErrorCodesAsItsWireObject() throws {
    let error = ProtocolError(.invalidArgs, "bad 'limit'", retryable: false)
    #expect(error.description == "invalid_args: bad 'limit'")
    #expect(
      try WireCoding.encode(error) == Array(#"{"code":"invalid_args","message":"bad 'limit'","retryable":false}"#.utf8))
    #expect(
      try WireCoding.decode(
        ProtocolError.self, from: ["code": "invalid_args", "message": "bad 'limit'", "retryable": false])
        == error)
  }

  @Test func retryableDefaultsToFalse() {
    #expect(!ProtocolError(.internal, "x").retryable)
  }
}
