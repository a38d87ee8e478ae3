import Foundation
import Testing
import TwitchSimCore
import TwitchSimIRC
import WardenTestSupport

/// Logging in over a real TCP socket.
@Suite struct IRCServerLoginTests {
  @Test func tokenLoginGetsWelcomeAndGlobalUserState() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let client = try await RawClient.connect(port: fixture.port)
    try await client.send(IRCFixture.allCapabilities, "PASS oauth:\(fixture.tokens["bob"]!)", "NICK bob")
    let global = try #require(await client.line(containing: "GLOBALUSERSTATE"))
    #expect(
      global
        == "@badge-info=;badges=;color=;display-name=Bob;emote-sets=0;user-id=\(fixture.bob.id);user-type= "
        + ":tmi.twitch.tv GLOBALUSERSTATE")
    #expect(
      client.lines == [
        ":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands twitch.tv/membership",
        ":tmi.twitch.tv 001 bob :Welcome, GLHF!",
        ":tmi.twitch.tv 002 bob :Your host is tmi.twitch.tv",
        ":tmi.twitch.tv 003 bob :This server is rather new",
        ":tmi.twitch.tv 004 bob :-",
        ":tmi.twitch.tv 375 bob :-",
        ":tmi.twitch.tv 372 bob :You are in a maze of twisty passages, all alike.",
        ":tmi.twitch.tv 376 bob :>",
        global,
      ])
    #expect(fixture.server.connectionCount == 1)
    await client.close()
    #expect(await eventually { fixture.server.connectionCount == 0 })
  }

  @Test(arguments: ["bad-token", "wrong-user"])
  func failedLoginGetsNoticeAndIsClosed(_ kind: String) async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let client = try await RawClient.connect(port: fixture.port)
    let token = kind == "bad-token" ? "notatoken" : fixture.tokens["carol"]!
    try await client.send("PASS oauth:\(token)", "NICK bob")
    #expect(await client.closed())
    #expect(client.lines == [":tmi.twitch.tv NOTICE * :Login authentication failed"])
  }

  @Test func tokenWithoutChatScopesCannotLogIn() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let token = try fixture.world.mintToken(clientID: "warden", userID: fixture.bob.id, scopes: ["user:read:email"])
    let client = try await RawClient.connect(port: fixture.port)
    try await client.send("PASS oauth:\(token.accessToken)", "NICK bob")
    #expect(await client.closed())
    #expect(client.lines == [":tmi.twitch.tv NOTICE * :Login authentication failed"])
  }

  @Test func missingOAuthPrefixIsImproperlyFormatted() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let client = try await RawClient.connect(port: fixture.port)
    try await client.send("PASS \(fixture.tokens["bob"]!)", "NICK bob")
    #expect(await client.closed())
    #expect(client.lines == [":tmi.twitch.tv NOTICE * :Improperly formatted auth"])
  }

  @Test func revokedTokenEndsTheConnection() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    let carol = try await fixture.login("carol")
    fixture.world.revoke(accessToken: fixture.tokens["bob"]!)
    #expect(await bob.closed())
    try await carol.send("PING :still")
    #expect(await carol.line(containing: "PONG tmi.twitch.tv :still") != nil)
    #expect(!carol.log.closed)
  }

  @Test func anonymousClientReadsButCannotSend() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let anonymous = try await fixture.login("justinfan12345")
    try await fixture.join(anonymous)
    let userState = try #require(await anonymous.line(containing: "USERSTATE #alice"))
    #expect(
      userState
        == "@badge-info=;badges=;color=;display-name=;emote-sets=0;mod=0;subscriber=0;user-type= "
        + ":tmi.twitch.tv USERSTATE #alice")
    try await anonymous.send("PRIVMSG #alice :can anyone hear me")
    let bob = try await fixture.login("bob")
    try await fixture.join(bob)
    try await bob.send("PRIVMSG #alice :after the anonymous one")
    #expect(await anonymous.line(containing: "PRIVMSG #alice :after the anonymous one") != nil)
    let texts = fixture.world.channel(fixture.alice.id)!.messages.values.map(\.text)
    #expect(texts == ["after the anonymous one"])
    #expect(!anonymous.log.closed)
  }
}
