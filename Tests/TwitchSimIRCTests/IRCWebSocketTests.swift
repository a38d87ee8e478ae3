import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Synchronization
import Testing
import TwitchSimCore
import TwitchSimIRC
import WardenTestSupport

/// IRC over WebSocket, through a Hummingbird router as the assembled simulator serves it.
@Suite struct IRCWebSocketTests {
  /// Serves the fixture's IRC server at `ws://127.0.0.1:<port>/irc`; returns the port and the
  /// task running the HTTP server.
  static func serve(_ fixture: IRCFixture) async throws -> (port: Int, task: Task<Void, any Error>) {
    let router = Router(context: BasicWebSocketRequestContext.self)
    fixture.server.addWebSocketRoute(to: router, path: "/irc")
    let port = Mutex<Int?>(nil)
    var logger = Logger(label: "irc-ws-test")
    logger.logLevel = .error
    let app = Application(
      router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } }, logger: logger)
    let task = Task { try await app.run() }
    #expect(await eventually { port.withLock { $0 } != nil })
    return (port.withLock { $0 } ?? 0, task)
  }

  static func connect(port: Int) async throws -> RawClient {
    let client = try await RawClient.connect(port: port)
    try await client.sendBytes(Array(WebSocketFrames.upgradeRequest(path: "/irc", port: port).utf8))
    #expect(await eventually { String(decoding: client.log.bytes, as: UTF8.self).contains("\r\n\r\n") })
    #expect(String(decoding: client.log.bytes, as: UTF8.self).hasPrefix("HTTP/1.1 101"))
    return client
  }

  static func line(_ client: RawClient, containing text: String) async -> String? {
    _ = await eventually { WebSocketFrames.lines(in: client.log.bytes).lines.contains { $0.contains(text) } }
    return WebSocketFrames.lines(in: client.log.bytes).lines.first { $0.contains(text) }
  }

  @Test func loginJoinAndChatOverWebSocket() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let (port, http) = try await Self.serve(fixture)
    defer { http.cancel() }
    let client = try await Self.connect(port: port)
    // Several lines in one frame, as clients may send them.
    let login = "\(IRCFixture.allCapabilities)\r\nPASS oauth:\(fixture.tokens["bob"]!)\r\nNICK bob\r\n"
    try await client.sendBytes(WebSocketFrames.clientText(login))
    #expect(await Self.line(client, containing: "GLOBALUSERSTATE") != nil)
    try await client.sendBytes(WebSocketFrames.clientText("JOIN #alice"))
    #expect(await Self.line(client, containing: "ROOMSTATE #alice") != nil)
    try fixture.world.sendChat(channelID: fixture.alice.id, userID: fixture.dave.id, text: "over the web")
    #expect(await Self.line(client, containing: "PRIVMSG #alice :over the web") != nil)
    try await client.sendBytes(WebSocketFrames.clientText("PRIVMSG #alice :from the browser\r\n"))
    #expect(await eventually { fixture.world.channel(fixture.alice.id)!.messages.count == 2 })
    let (lines, wellFormed) = WebSocketFrames.lines(in: client.log.bytes)
    #expect(wellFormed, "every text frame ends with CR LF")
    #expect(lines.first == ":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands twitch.tv/membership")
    #expect(fixture.server.connectionCount == 1)
  }

  @Test func floodIsCutIntoFramesOfWholeLines() async throws {
    let fixture = try await IRCFixture.start { $0.maxWebSocketFrameBytes = 1000 }
    defer { Task { await fixture.stop() } }
    let (port, http) = try await Self.serve(fixture)
    defer { http.cancel() }
    let client = try await Self.connect(port: port)
    try await client.sendBytes(
      WebSocketFrames.clientText("\(IRCFixture.allCapabilities)\r\nNICK justinfan5\r\nJOIN #alice\r\n"))
    #expect(await Self.line(client, containing: "ROOMSTATE #alice") != nil)
    let lines = (1...500).map { "@id=\($0) :x!x@x.tmi.twitch.tv PRIVMSG #alice :line \($0)" }
    fixture.server.broadcast(rawLines: lines, toChannel: "alice")
    #expect(await Self.line(client, containing: "PRIVMSG #alice :line 500") != nil)
    let frames = WebSocketFrames.serverFrames(in: client.log.bytes).filter { $0.opcode == 1 }
    #expect(frames.allSatisfy { $0.payload.count <= 1000 })
    let received = WebSocketFrames.lines(in: client.log.bytes)
    #expect(received.wellFormed)
    let arrivedInOrder = received.lines.suffix(500) == lines[...]
    #expect(arrivedInOrder)
  }

  @Test func reconnectClosesTheWebSocket() async throws {
    let fixture = try await IRCFixture.start { $0.reconnectGrace = .milliseconds(100) }
    defer { Task { await fixture.stop() } }
    let (port, http) = try await Self.serve(fixture)
    defer { http.cancel() }
    let client = try await Self.connect(port: port)
    try await client.sendBytes(WebSocketFrames.clientText("CAP REQ :twitch.tv/commands\r\nNICK justinfan5\r\n"))
    #expect(await Self.line(client, containing: "376") != nil)
    fixture.world.inject(.ircReconnect)
    #expect(await Self.line(client, containing: "RECONNECT") == ":tmi.twitch.tv RECONNECT")
    #expect(await eventually { WebSocketFrames.serverFrames(in: client.log.bytes).contains { $0.opcode == 8 } })
    #expect(await eventually { fixture.server.connectionCount == 0 })
  }
}
