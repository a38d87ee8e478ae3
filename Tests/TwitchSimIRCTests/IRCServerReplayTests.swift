import Foundation
import Testing
import TwitchSimCore
import TwitchSimIRC
import WardenTestSupport

/// Raw lines pushed through `broadcast` and hostile input.
@Suite struct IRCServerReplayTests {
  @Test func samplesArriveByteForByte() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let client = try await fixture.login("bob")
    try await fixture.join(client)
    let before = client.log.bytes.count
    let delivered = fixture.server.broadcast(rawLines: TwitchSamples.lines, toChannel: "alice")
    #expect(delivered == TwitchSamples.lines.count)
    let expected = Array(TwitchSamples.lines.map { $0 + "\r\n" }.joined().utf8)
    #expect(expected.contains(1), "the samples hold a CTCP byte")
    #expect(await eventually { client.log.bytes.count >= before + expected.count })
    #expect(Array(client.log.bytes.dropFirst(before)) == expected)
  }

  @Test(.enabled(if: TwitchIRCSamples.sharedFileBytes != nil, "needs shared/ beside the repository"))
  func samplesCopyMatchesTheSharedFile() throws {
    #expect(TwitchIRCSamples.sharedFileBytes == TwitchIRCSamples.fileBytes)
  }

  @Test func broadcastWithoutChannelReachesEveryLoggedInClient() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    let anonymous = try await fixture.login("justinfan1")
    let unregistered = try await RawClient.connect(port: fixture.port)
    #expect(await eventually { fixture.server.connectionCount == 3 })
    #expect(fixture.server.broadcast(rawLines: ["PING :everyone"], toChannel: nil) == 2)
    #expect(await bob.line(containing: "PING :everyone") != nil)
    #expect(await anonymous.line(containing: "PING :everyone") != nil)
    #expect(fixture.server.broadcast(rawLines: ["PING :nobody"], toChannel: "nosuchchannel") == 0)
    try await unregistered.send("PING :sync")
    #expect(await unregistered.line(containing: "PONG") != nil)
    #expect(!unregistered.lines.contains("PING :everyone"))
  }

  @Test func garbageNeverHurtsTheServer() async throws {
    let fixture = try await IRCFixture.start { $0.maxLineBytes = 1024 }
    defer { Task { await fixture.stop() } }
    let client = try await fixture.login("bob")
    var garbage: [UInt8] = Array("\r\n\n\r\n   \r\n@\r\n:\r\n@;;; :x\r\n\u{0}\u{1}\u{2}\r\n".utf8)
    garbage += [0xFF, 0xFE, 0xC3, 0x28, 0x0D, 0x0A]
    garbage += Array(String(repeating: "A", count: 5000).utf8) + [0x0A]
    garbage += Array("PRIVMSG\r\nJOIN\r\nPART\r\nCAP\r\nCAP REQ\r\nPRIVMSG #\r\nJOIN ,,,#,\r\nPING\r\n".utf8)
    garbage += Array("WHO #alice\r\n".utf8)
    try await client.sendBytes(garbage)
    #expect(await client.line(containing: "421 bob WHO :Unknown command") != nil)
    #expect(await client.line(containing: "PONG tmi.twitch.tv") != nil)
    try await client.send("PING :still alive")
    #expect(await client.line(containing: "PONG tmi.twitch.tv :still alive") != nil)
    #expect(!client.log.closed)
    let another = try await fixture.login("carol")
    #expect(!another.log.closed)
  }

  @Test func halfLinesAcrossWritesAreJoined() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let client = try await RawClient.connect(port: fixture.port)
    try await client.sendBytes(Array("NICK justin".utf8))
    try await Task.sleep(for: .milliseconds(50))
    try await client.sendBytes(Array("fan99\nPING :lf only\n".utf8))
    #expect(await client.line(containing: "001 justinfan99") != nil)
    #expect(await client.line(containing: "PONG tmi.twitch.tv :lf only") != nil)
  }
}
