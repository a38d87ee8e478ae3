import Foundation
import Testing
import TwitchSimCore
import TwitchSimIRC
import WardenTestSupport

/// Moderation and channel events from the world, and faults, as clients see them.
@Suite struct IRCServerEventTests {
  @Test func banAndTimeoutBecomeClearChat() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let carol = try await fixture.login("carol")
    try await fixture.join(carol)
    try fixture.world.ban(
      channelID: fixture.alice.id, userID: fixture.dave.id, moderatorID: fixture.carol.id, durationSeconds: 600,
      reason: "calm down")
    let timeout = try #require(await carol.line(containing: "CLEARCHAT #alice :dave"))
    #expect(
      timeout.hasPrefix("@ban-duration=600;room-id=\(fixture.alice.id);target-user-id=\(fixture.dave.id);tmi-sent-ts="))
    try fixture.world.ban(
      channelID: fixture.alice.id, userID: fixture.bob.id, moderatorID: fixture.carol.id, durationSeconds: nil,
      reason: "spam")
    let ban = try #require(await carol.line(containing: "CLEARCHAT #alice :bob"))
    #expect(ban.hasPrefix("@room-id=\(fixture.alice.id);target-user-id=\(fixture.bob.id);tmi-sent-ts="))
    #expect(ban.hasSuffix(" :tmi.twitch.tv CLEARCHAT #alice :bob"))
    try fixture.world.deleteChat(channelID: fixture.alice.id, messageID: nil, moderatorID: fixture.carol.id)
    let clear = try #require(await carol.line { $0.hasSuffix(":tmi.twitch.tv CLEARCHAT #alice") })
    #expect(clear.hasPrefix("@room-id=\(fixture.alice.id);tmi-sent-ts="))
  }

  @Test func deletedMessageBecomesClearMsg() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let carol = try await fixture.login("carol")
    try await fixture.join(carol)
    guard
      case .sent(let message) = try fixture.world.sendChat(
        channelID: fixture.alice.id, userID: fixture.dave.id, text: "buy followers", isAction: true)
    else { return }
    try fixture.world.deleteChat(channelID: fixture.alice.id, messageID: message.id, moderatorID: fixture.carol.id)
    let line = try #require(await carol.line(containing: "CLEARMSG #alice"))
    #expect(line.hasPrefix("@login=dave;room-id=;target-msg-id=\(message.id);tmi-sent-ts="))
    #expect(line.hasSuffix(" :tmi.twitch.tv CLEARMSG #alice :\u{1}ACTION buy followers\u{1}"))
  }

  @Test func settingsChangeSendsPartialRoomState() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    try await fixture.join(bob)
    try fixture.world.updateChatSettings(channelID: fixture.alice.id, moderatorID: fixture.carol.id) {
      $0.slowModeWaitTime = 5
    }
    #expect(
      await bob.line { $0.hasSuffix("ROOMSTATE #alice") && !$0.contains("emote-only") }
        == "@room-id=\(fixture.alice.id);slow=5 :tmi.twitch.tv ROOMSTATE #alice")
    try fixture.world.updateChatSettings(channelID: fixture.alice.id, moderatorID: nil) {
      $0.emoteMode = true
      $0.followerModeDuration = 10
    }
    #expect(
      await bob.line(containing: "followers-only=10")
        == "@emote-only=1;followers-only=10;room-id=\(fixture.alice.id) :tmi.twitch.tv ROOMSTATE #alice")
  }

  @Test func userNoticeAndNoticeReachTheChannel() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    try await fixture.join(bob)
    try fixture.world.raid(fromID: fixture.dave.id, toID: fixture.alice.id, viewers: 42)
    let raid = try #require(await bob.line(containing: "USERNOTICE #alice"))
    #expect(raid.contains(";login=dave;mod=0;msg-id=raid;msg-param-displayName=Dave;msg-param-login=dave;"))
    #expect(raid.contains(";msg-param-viewerCount=42;room-id=\(fixture.alice.id);subscriber=0;"))
    #expect(raid.contains(";system-msg=42\\sraiders\\sfrom\\sDave\\shave\\sjoined!;tmi-sent-ts="))
    fixture.world.hub.publish(.notice(channelLogin: "alice", msgID: "host_on", text: "Now hosting someone."))
    #expect(
      await bob.line(containing: "msg-id=host_on")
        == "@msg-id=host_on :tmi.twitch.tv NOTICE #alice :Now hosting someone.")
  }

  @Test func clientsWithoutCapabilitiesGetLessAndNoTags() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bare = try await fixture.login("bob", capabilities: nil)
    try await bare.send("JOIN #alice")
    #expect(await bare.line(containing: " 366 bob #alice") != nil)
    try fixture.world.sendChat(channelID: fixture.alice.id, userID: fixture.dave.id, text: "plain text")
    try fixture.world.ban(
      channelID: fixture.alice.id, userID: fixture.dave.id, moderatorID: fixture.alice.id, durationSeconds: 10,
      reason: "")
    fixture.server.broadcast(
      rawLines: ["@a=b :tmi.twitch.tv PRIVMSG #alice :raw", "PING :marker"], toChannel: "#Alice")
    #expect(await bare.line(containing: "PING :marker") != nil)
    #expect(
      await bare.line(containing: "PRIVMSG #alice :plain text")
        == ":dave!dave@dave.tmi.twitch.tv PRIVMSG #alice :plain text")
    #expect(bare.lines.contains(":tmi.twitch.tv PRIVMSG #alice :raw"))
    // Events arrive in order: once a later message is in, the CLEARCHAT has been dealt with.
    try fixture.world.sendChat(channelID: fixture.alice.id, userID: fixture.carol.id, text: "after the ban")
    #expect(await bare.line(containing: "after the ban") != nil)
    #expect(!bare.lines.contains { $0.hasPrefix("@") || $0.contains("CLEARCHAT") || $0.contains("STATE") })
  }

  @Test func pingsAndDisconnectsClientsThatDoNotPong() async throws {
    let fixture = try await IRCFixture.start {
      $0.pingInterval = .milliseconds(300)
      $0.pongTimeout = .milliseconds(500)
    }
    defer { Task { await fixture.stop() } }
    let silent = try await fixture.login("bob")
    let lively = try await fixture.login("carol")
    let answering = Task {
      var answered = 0
      while !Task.isCancelled {
        let pings = lively.lines.count { $0 == "PING :tmi.twitch.tv" }
        while answered < pings {
          try? await lively.send("PONG :tmi.twitch.tv")
          answered += 1
        }
        try? await Task.sleep(for: .milliseconds(20))
      }
    }
    defer { answering.cancel() }
    #expect(await silent.line(containing: "PING :tmi.twitch.tv") != nil)
    #expect(await silent.closed())
    #expect(await eventually { lively.lines.count { $0 == "PING :tmi.twitch.tv" } >= 3 })
    #expect(!lively.log.closed)
  }

  @Test func reconnectFaultWarnsThenCloses() async throws {
    let fixture = try await IRCFixture.start { $0.reconnectGrace = .milliseconds(200) }
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    let anonymous = try await fixture.login("justinfan7")
    fixture.world.inject(.ircReconnect)
    #expect(await bob.line(containing: "RECONNECT") == ":tmi.twitch.tv RECONNECT")
    #expect(await anonymous.line(containing: "RECONNECT") != nil)
    #expect(await bob.closed())
    #expect(await anonymous.closed())
    let again = try await fixture.login("bob")
    #expect(!again.log.closed, "new connections are welcome after a RECONNECT")
  }

  @Test func dropFaultClosesEveryConnection() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    let raw = try await RawClient.connect(port: fixture.port)
    #expect(await eventually { fixture.server.connectionCount == 2 })
    fixture.world.inject(.ircDrop)
    #expect(await bob.closed())
    #expect(await raw.closed())
    #expect(!bob.lines.contains { $0.contains("RECONNECT") })
    #expect(await eventually { fixture.server.connectionCount == 0 })
  }

  @Test func shutdownClosesEveryConnection() async throws {
    let fixture = try await IRCFixture.start()
    let bob = try await fixture.login("bob")
    await fixture.stop()
    #expect(await bob.closed())
    #expect(fixture.server.connectionCount == 0)
  }
}
