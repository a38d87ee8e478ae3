import Foundation
import Testing
import TwitchSimCore
import TwitchSimIRC
import WardenTestSupport

/// JOIN, PART and PRIVMSG both ways, over TCP.
@Suite struct IRCServerChatTests {
  @Test func joinGetsEchoNamesUserStateAndRoomState() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let carol = try await fixture.login("carol")
    let before = carol.lines.count
    try await fixture.join(carol)
    #expect(
      Array(carol.lines.dropFirst(before)) == [
        ":carol!carol@carol.tmi.twitch.tv JOIN #alice",
        ":carol.tmi.twitch.tv 353 carol = #alice :carol",
        ":carol.tmi.twitch.tv 366 carol #alice :End of /NAMES list",
        "@badge-info=;badges=moderator/1;color=#8A2BE2;display-name=Carol;emote-sets=0;mod=1;subscriber=0;"
          + "user-type=mod :tmi.twitch.tv USERSTATE #alice",
        "@emote-only=0;followers-only=-1;r9k=0;room-id=\(fixture.alice.id);slow=0;subs-only=0 "
          + ":tmi.twitch.tv ROOMSTATE #alice",
      ])
    #expect(fixture.world.chatters(of: fixture.alice.id).map(\.login) == ["carol"])
  }

  @Test func unknownChannelGetsSuspendedNotice() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    try await bob.send("JOIN #nosuchchannel")
    #expect(
      await bob.line(containing: "NOTICE #nosuchchannel")
        == "@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #nosuchchannel "
        + ":This channel does not exist or has been suspended.")
    #expect(!bob.lines.contains { $0.contains("JOIN #nosuchchannel") })
  }

  @Test func worldMessageArrivesAsPrivmsgWithTwitchTags() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    try await fixture.join(bob)
    try fixture.world.setRole(.subscriber, true, userID: fixture.dave.id, in: fixture.alice.id, subscriberMonths: 7)
    let result = try fixture.world.sendChat(
      channelID: fixture.alice.id, userID: fixture.dave.id, text: "hello Kappa ; \\o/", bits: 100)
    guard case .sent(let message) = result else {
      Issue.record("not sent: \(result)")
      return
    }
    let line = try #require(await bob.line(containing: "PRIVMSG #alice"))
    let expected =
      "@badge-info=subscriber/7;badges=subscriber/6;bits=100;color=;display-name=Dave;emotes=25:6-10;"
      + "first-msg=1;flags=;id=\(message.id);mod=0;returning-chatter=0;room-id=\(fixture.alice.id);subscriber=1;"
      + "tmi-sent-ts=\(IRCFixture.milliseconds(message.sentAt));turbo=0;user-id=\(fixture.dave.id);user-type= "
      + ":dave!dave@dave.tmi.twitch.tv PRIVMSG #alice :hello Kappa ; \\o/"
    #expect(line == expected)
  }

  @Test func clientMessageReachesOthersAndTheSenderGetsUserState() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    let carol = try await fixture.login("carol")
    try await fixture.join(bob)
    try await fixture.join(carol)
    try await bob.send("@client-nonce=abc123 PRIVMSG #alice :/me waves at Carol")
    let privmsg = try #require(await carol.line(containing: "PRIVMSG #alice"))
    let message = try #require(fixture.world.channel(fixture.alice.id)?.messages.values.first)
    #expect(message.isAction && message.text == "waves at Carol")
    #expect(privmsg.hasPrefix("@badge-info=;badges=;client-nonce=abc123;color=;display-name=Bob;emotes=;"))
    #expect(privmsg.hasSuffix(" :bob!bob@bob.tmi.twitch.tv PRIVMSG #alice :\u{1}ACTION waves at Carol\u{1}"))
    let userState = try #require(await bob.line { $0.contains("USERSTATE #alice") && $0.contains("id=") })
    #expect(
      userState
        == "@badge-info=;badges=;client-nonce=abc123;color=;display-name=Bob;emote-sets=0;id=\(message.id);"
        + "mod=0;subscriber=0;user-type= :tmi.twitch.tv USERSTATE #alice")
    // Twitch does not echo one's own PRIVMSG: a later message from Carol arrives, Bob's never does.
    try await carol.send("PRIVMSG #alice :hi Bob")
    #expect(await bob.line(containing: "PRIVMSG #alice :hi Bob") != nil)
    #expect(!bob.lines.contains { $0.contains("PRIVMSG #alice :\u{1}ACTION") })
  }

  @Test func replyCarriesParentAndThreadTags() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    let carol = try await fixture.login("carol")
    try await fixture.join(bob)
    try await fixture.join(carol)
    guard
      case .sent(let root) = try fixture.world.sendChat(
        channelID: fixture.alice.id, userID: fixture.dave.id, text: "hello all")
    else { return }
    try await carol.send("@reply-parent-msg-id=\(root.id) PRIVMSG #alice :@Dave hi")
    let first = try #require(await bob.line(containing: "PRIVMSG #alice :@Dave hi"))
    let reply = try #require(fixture.world.channel(fixture.alice.id)?.messages.values.first { $0.text == "@Dave hi" })
    try await bob.send("@reply-parent-msg-id=\(reply.id) PRIVMSG #alice :@Carol hey")
    let second = try #require(await carol.line(containing: "PRIVMSG #alice :@Carol hey"))
    #expect(
      first.contains(
        "mod=1;reply-parent-display-name=Dave;reply-parent-msg-body=hello\\sall;reply-parent-msg-id=\(root.id);"
          + "reply-parent-user-id=\(fixture.dave.id);reply-parent-user-login=dave;"
          + "reply-thread-parent-display-name=Dave;reply-thread-parent-msg-id=\(root.id);"
          + "reply-thread-parent-user-id=\(fixture.dave.id);reply-thread-parent-user-login=dave;returning-chatter=0;"))
    #expect(
      second.contains(
        "reply-parent-display-name=Carol;reply-parent-msg-body=@Dave\\shi;reply-parent-msg-id=\(reply.id);"
          + "reply-parent-user-id=\(fixture.carol.id);reply-parent-user-login=carol;"
          + "reply-thread-parent-display-name=Dave;reply-thread-parent-msg-id=\(root.id);"))
  }

  @Test func refusedMessageGetsNoticeWithMsgID() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    try await fixture.join(bob)
    try fixture.world.ban(
      channelID: fixture.alice.id, userID: fixture.bob.id, moderatorID: fixture.alice.id, durationSeconds: nil,
      reason: "spam")
    try await bob.send("PRIVMSG #alice :let me talk")
    #expect(
      await bob.line(containing: "NOTICE #alice")
        == "@msg-id=msg_banned :tmi.twitch.tv NOTICE #alice :You are permanently banned from talking in alice.")
  }

  @Test func heldMessageGetsRejectedNotice() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    try fixture.world.configureChannel(fixture.alice.id) { $0.automodTerms = ["heck"] }
    let bob = try await fixture.login("bob")
    try await fixture.join(bob)
    try await bob.send("PRIVMSG #alice :what the heck")
    #expect(
      await bob.line(containing: "NOTICE #alice")
        == "@msg-id=msg_rejected :tmi.twitch.tv NOTICE #alice :Hey! Your message is being checked by mods and has "
        + "not been sent.")
  }

  @Test func membershipShowsOthersJoiningAndLeaving() async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    let carol = try await fixture.login("carol")
    let plain = try await fixture.login("dave", capabilities: "CAP REQ :twitch.tv/tags twitch.tv/commands")
    try await fixture.join(carol)
    try await fixture.join(plain)
    #expect(await carol.line(containing: ":dave!dave@dave.tmi.twitch.tv JOIN #alice") != nil)
    let bob = try await fixture.login("bob")
    try await fixture.join(bob)
    try await bob.send("PART #alice")
    #expect(await bob.line(containing: ":bob!bob@bob.tmi.twitch.tv PART #alice") != nil)
    #expect(await carol.line(containing: ":bob!bob@bob.tmi.twitch.tv PART #alice") != nil)
    await carol.close()
    try await plain.send("PING :sync")
    #expect(await plain.line(containing: "PONG") != nil)
    #expect(!plain.lines.contains { $0.contains(" JOIN #alice") && !$0.hasPrefix(":dave!") })
    #expect(!plain.lines.contains { $0.contains(" PART #alice") })
  }

  @Test func messageRateLimitDisconnects() async throws {
    let fixture = try await IRCFixture.start { $0.messagesPer30s = 3 }
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    try await fixture.join(bob)
    for index in 1...4 { try await bob.send("PRIVMSG #alice :message \(index)") }
    #expect(await bob.closed())
    #expect(fixture.world.channel(fixture.alice.id)!.messages.count == 3)
  }

  @Test func joinRateLimitDisconnects() async throws {
    let fixture = try await IRCFixture.start { $0.joinsPer10s = 2 }
    defer { Task { await fixture.stop() } }
    let bob = try await fixture.login("bob")
    try await bob.send("JOIN #alice,#carol,#dave")
    #expect(await bob.closed())
  }
}
