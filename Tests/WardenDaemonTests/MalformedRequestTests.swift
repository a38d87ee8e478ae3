import Foundation
import Testing
import WardenDaemon
import WardenProtocol
import WardenTestSupport
import WardenZeroMQ

/// Raw sockets send what no well-behaved client would; every request must get a precise error
/// reply and the daemon must go on serving.
@Suite struct MalformedRequestTests {
  /// Waits for one message without blocking the cooperative pool.
  private func receive(_ socket: ZMQSocket, seconds: Double = 5) async throws -> [[UInt8]]? {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
    while ContinuousClock.now < deadline {
      if let frames = try socket.receive(dontWait: true) { return frames }
      try await Task.sleep(for: .milliseconds(5))
    }
    return nil
  }

  private func exchange(_ socket: ZMQSocket, _ frames: [[UInt8]]) async throws -> CommandReply {
    try socket.send([[]] + frames)
    let reply = try #require(try await receive(socket))
    #expect(reply.count == 2 && reply[0].isEmpty, "reply keeps the delimiter and has one body frame")
    return try CommandReply.decode(reply[1])
  }

  static let cases: [(String, [[UInt8]], ErrorCode, String?)] = [
    ("two body frames", [Array(#"{"v":1,"id":"a","cmd":"ping"}"#.utf8), [1]], .badFrames, nil),
    ("no body frame", [], .badFrames, nil),
    ("invalid UTF-8", [[0x7B, 0xFF, 0xFE, 0x7D]], .invalidUTF8, nil),
    ("not JSON", [Array("ping please".utf8)], .invalidJSON, nil),
    ("truncated JSON", [Array(#"{"v":1,"id":"a""#.utf8)], .invalidJSON, nil),
    ("a JSON array", [Array("[1,2]".utf8)], .invalidRequest, nil),
    ("no version", [Array(#"{"id":"a","cmd":"ping"}"#.utf8)], .missingField, "a"),
    ("version 2", [Array(#"{"v":2,"id":"b","cmd":"ping"}"#.utf8)], .unsupportedVersion, "b"),
    ("no id", [Array(#"{"v":1,"cmd":"ping"}"#.utf8)], .missingField, nil),
    ("numeric id", [Array(#"{"v":1,"id":5,"cmd":"ping"}"#.utf8)], .invalidField, nil),
    ("no cmd", [Array(#"{"v":1,"id":"c"}"#.utf8)], .missingField, "c"),
    ("args not an object", [Array(#"{"v":1,"id":"d","cmd":"ping","args":[1]}"#.utf8)], .invalidField, "d"),
    ("unknown command", [Array(#"{"v":1,"id":"e","cmd":"nope"}"#.utf8)], .unknownCommand, "e"),
    ("missing argument", [Array(#"{"v":1,"id":"f","cmd":"events.since","args":{}}"#.utf8)], .invalidArgs, "f"),
    (
      "oversized",
      [
        Array(#"{"v":1,"id":"g","cmd":"ping","args":{"pad":""#.utf8) + Array(repeating: 0x61, count: 5000)
          + Array(#""}}"#.utf8)
      ], .tooLarge, nil
    ),
  ]

  @Test func everyMalformedRequestGetsAPreciseErrorAndServingContinues() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data")) {
      $0.bus.maxRequestBytes = 4096
    }
    let socket = try ZMQSocket(context: daemon.context, type: .dealer)
    try socket.set(.linger, 0)
    try socket.connect(daemon.paths.endpoints.commands)
    for (name, frames, code, id) in Self.cases {
      let reply = try await exchange(socket, frames)
      guard case .failure(let error) = reply.outcome else {
        Issue.record("\(name): got a success reply")
        continue
      }
      #expect(error.code == code, "\(name): \(error)")
      #expect(!error.message.isEmpty && !error.retryable, "\(name)")
      #expect(reply.id == id, "\(name): reply id")
    }
    let ok = try await exchange(socket, [Array(#"{"v":1,"id":"z","cmd":"ping"}"#.utf8)])
    #expect(ok.ok && ok.id == "z")

    let status = try await daemon.client().call(CommandName.status, as: StatusResult.self)
    #expect(status.counters["malformed_requests"] == 13)
    socket.close()
    try await daemon.stop()
  }

  @Test func aPlainREQClientAndACorrelatingOneAreServed() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data"))
    for correlate in [false, true] {
      let socket = try ZMQSocket(context: daemon.context, type: .req)
      try socket.set(.linger, 0)
      if correlate {
        try socket.set(.requestCorrelate, true)
        try socket.set(.requestRelaxed, true)
      }
      try socket.connect(daemon.paths.endpoints.commands)
      try socket.send([Array(#"{"v":1,"id":"r","cmd":"ping"}"#.utf8)])
      let frames = try #require(try await receive(socket))
      #expect(frames.count == 1)
      #expect(try CommandReply.decode(frames[0]).ok)
      socket.close()
    }
    try await daemon.stop()
  }

  @Test func aMessageOverTheHardLimitDropsOnlyThatClient() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data"))
    let socket = try ZMQSocket(context: daemon.context, type: .dealer)
    try socket.set(.linger, 0)
    try socket.connect(daemon.paths.endpoints.commands)
    try socket.send([[], [UInt8](repeating: 0x20, count: 17 << 20)])
    #expect(try await receive(socket, seconds: 1) == nil)
    socket.close()
    let client = try await daemon.client()
    #expect(try await client.call(CommandName.ping)["pong"] == true)
    await client.close()
    try await daemon.stop()
  }
}
