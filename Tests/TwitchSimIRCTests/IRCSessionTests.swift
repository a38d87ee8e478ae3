import Foundation
import Testing
import TwitchSimCore

@testable import TwitchSimIRC

/// The connection state machine, without sockets: lines in, actions out.
@Suite struct IRCSessionTests {
  static let start = ContinuousClock.now
  static let limits = IRCSession.Limits(
    pingInterval: .seconds(300), pongTimeout: .seconds(10), joinsPer10s: 20, messagesPer30s: 20,
    privilegedMessagesPer30s: 100)
  static let bob = SimUser(
    id: "1001", login: "bob", displayName: "Bob", createdAt: Date(timeIntervalSince1970: 0), color: "#FF0000")
  static let allCaps = "CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership"

  func session() -> IRCSession { IRCSession(limits: Self.limits, at: Self.start) }

  /// Feeds lines at `start + seconds` and returns every action.
  func feed(_ session: inout IRCSession, _ lines: [String], at seconds: Int = 0) -> [IRCSessionAction] {
    lines.flatMap { session.receive(line: $0, at: Self.start + .seconds(seconds)) }
  }

  /// A session logged in as Bob with every capability.
  func loggedIn() -> IRCSession {
    var session = session()
    _ = feed(&session, [Self.allCaps, "PASS oauth:token123", "NICK bob"])
    _ = session.authenticated(user: Self.bob, accessToken: "token123", at: Self.start)
    return session
  }

  func welcome(_ nick: String) -> [String] { IRCRender.welcome(nick: nick).map(\.text) }

  // MARK: Registration

  @Test func anonymousLoginNeedsNoPassword() {
    var session = session()
    #expect(
      feed(&session, [Self.allCaps]) == [
        .send([":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands twitch.tv/membership"])
      ])
    #expect(feed(&session, ["NICK justinfan4711"]) == [.send(welcome("justinfan4711")), .registered])
    #expect(session.phase == .registered)
    #expect(session.user == nil)
  }

  @Test func anonymousLoginIgnoresAnyPassword() {
    var session = session()
    #expect(feed(&session, ["PASS SCHMOOPIIE", "NICK justinfan1"]) == [.send(welcome("justinfan1")), .registered])
  }

  @Test func welcomeHasTwitchTexts() {
    #expect(
      welcome("justinfan12345") == [
        ":tmi.twitch.tv 001 justinfan12345 :Welcome, GLHF!",
        ":tmi.twitch.tv 002 justinfan12345 :Your host is tmi.twitch.tv",
        ":tmi.twitch.tv 003 justinfan12345 :This server is rather new",
        ":tmi.twitch.tv 004 justinfan12345 :-",
        ":tmi.twitch.tv 375 justinfan12345 :-",
        ":tmi.twitch.tv 372 justinfan12345 :You are in a maze of twisty passages, all alike.",
        ":tmi.twitch.tv 376 justinfan12345 :>",
      ])
    #expect(welcome("justinfan12345")[0] == TwitchSamples.line("001"))
  }

  @Test func tokenLoginAsksTheDriverThenWelcomes() {
    var session = session()
    #expect(feed(&session, [Self.allCaps, "PASS oauth:token123"]).count == 1)
    #expect(feed(&session, ["NICK Bob"]) == [.authenticate(nick: "bob", accessToken: "token123")])
    #expect(session.phase == .authenticating)
    let global =
      "@badge-info=;badges=;color=#FF0000;display-name=Bob;emote-sets=0;user-id=1001;user-type= "
      + ":tmi.twitch.tv GLOBALUSERSTATE"
    #expect(
      session.authenticated(user: Self.bob, accessToken: "token123", at: Self.start) == [
        .send(welcome("bob") + [global]), .registered,
      ])
    #expect(session.accessToken == "token123")
  }

  @Test func withoutCommandsThereIsNoGlobalUserState() {
    var session = session()
    _ = feed(&session, ["CAP REQ :twitch.tv/tags", "PASS oauth:token123", "NICK bob"])
    #expect(
      session.authenticated(user: Self.bob, accessToken: "token123", at: Self.start) == [
        .send(welcome("bob")), .registered,
      ])
  }

  @Test func failedLoginSaysSoAndCloses() {
    var session = session()
    _ = feed(&session, ["PASS oauth:wrong", "NICK bob"])
    #expect(
      session.authenticationFailed() == [
        .send([":tmi.twitch.tv NOTICE * :Login authentication failed"]), .close(.graceful),
      ])
    #expect(session.phase == .closed)
    #expect(feed(&session, ["JOIN #bob"]).isEmpty)
  }

  @Test(arguments: [
    ["NICK bob"],
    ["PASS token123", "NICK bob"],
    ["PASS oauth:", "NICK bob"],
    ["NICK bob", "PASS oauth:token123"],
    ["PASS oauth:token123", "NICK"],
  ])
  func badAuthIsImproperlyFormatted(_ lines: [String]) {
    var session = session()
    let actions = feed(&session, lines)
    #expect(actions == [.send([":tmi.twitch.tv NOTICE * :Improperly formatted auth"]), .close(.graceful)])
    #expect(
      TwitchSamples.line("NOTICE", containing: "Improperly") == ":tmi.twitch.tv NOTICE * :Improperly formatted auth")
  }

  @Test func capabilityRequestsAreAllOrNothing() {
    var session = session()
    #expect(
      feed(&session, ["CAP REQ :twitch.tv/tags twitch.tv/unknown"]) == [
        .send([":tmi.twitch.tv CAP * NAK :twitch.tv/tags twitch.tv/unknown"])
      ])
    #expect(session.capabilities.isEmpty)
    #expect(feed(&session, ["CAP REQ twitch.tv/commands"]) == [.send([":tmi.twitch.tv CAP * ACK :twitch.tv/commands"])])
    #expect(session.capabilities == .commands)
    _ = feed(&session, ["CAP REQ :-twitch.tv/commands"])
    #expect(session.capabilities.isEmpty)
    #expect(
      feed(&session, ["CAP LS 302"]) == [
        .send([":tmi.twitch.tv CAP * LS :twitch.tv/tags twitch.tv/commands twitch.tv/membership"])
      ])
    #expect(feed(&session, ["CAP END"]).isEmpty)
  }

  @Test func capabilitiesChangedAfterLoginAreReported() {
    var session = session()
    _ = feed(&session, ["NICK justinfan1"])
    #expect(
      feed(&session, ["CAP REQ :twitch.tv/membership"]) == [
        .send([":tmi.twitch.tv CAP * ACK :twitch.tv/membership"]), .capabilitiesChanged(.membership),
      ])
  }

  @Test func commandsBeforeLoginAreIgnored() {
    var session = session()
    #expect(feed(&session, ["JOIN #bob", "PRIVMSG #bob :hi", "WHO #bob", "garbage"]).isEmpty)
    #expect(session.phase == .connecting)
  }

  @Test func unknownCommandsGet421() {
    var session = loggedIn()
    #expect(feed(&session, ["WHO #bob"]) == [.send([":tmi.twitch.tv 421 bob WHO :Unknown command"])])
    #expect(feed(&session, ["USER bob 8 * :Bob", "MODE bob", "NICK other", "PASS x"]).isEmpty)
  }

  // MARK: Channels

  @Test(arguments: [
    ("JOIN #alice", ["alice"]),
    ("JOIN #Alice,#carol", ["alice", "carol"]),
    ("JOIN :#a, #b,c,#", ["a", "b"]),
    ("JOIN", []),
  ])
  func joinAsksTheDriverPerChannel(_ line: String, _ channels: [String]) {
    var session = loggedIn()
    #expect(feed(&session, [line]) == channels.map { .join(channel: $0) })
  }

  @Test func joinedRoomGetsEchoNamesUserStateAndRoomState() {
    var session = loggedIn()
    var settings = ChatSettings()
    settings.slowModeWaitTime = 30
    let room = JoinedRoom(
      channel: "alice", roomID: "2002", settings: settings, badges: [SimBadge(setID: "moderator", version: "1")],
      names: ["bob", "carol"])
    #expect(
      session.joined(room) == [
        .send([
          ":bob!bob@bob.tmi.twitch.tv JOIN #alice",
          ":bob.tmi.twitch.tv 353 bob = #alice :bob carol",
          ":bob.tmi.twitch.tv 366 bob #alice :End of /NAMES list",
          "@badge-info=;badges=moderator/1;color=#FF0000;display-name=Bob;emote-sets=0;mod=1;subscriber=0;"
            + "user-type=mod :tmi.twitch.tv USERSTATE #alice",
          "@emote-only=0;followers-only=-1;r9k=0;room-id=2002;slow=30;subs-only=0 :tmi.twitch.tv ROOMSTATE #alice",
        ])
      ])
    #expect(session.channels == ["alice"])
    #expect(session.joined(room).isEmpty, "a second JOIN of the same channel says nothing")
    #expect(feed(&session, ["JOIN #alice"]).isEmpty)
    #expect(
      feed(&session, ["PART #alice"]) == [.send([":bob!bob@bob.tmi.twitch.tv PART #alice"]), .part(channel: "alice")])
    #expect(feed(&session, ["PART #alice"]).isEmpty)
  }

  @Test func unknownChannelGetsTheSuspendedNotice() {
    var session = loggedIn()
    #expect(
      session.joinRefused(channel: "nobody") == [
        .send([
          "@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #nobody :This channel does not exist or has been suspended."
        ])
      ])
  }

  @Test func twentyOneJoinsIn10SecondsDisconnect() {
    var session = loggedIn()
    let twenty = (1...20).map { "JOIN #c\($0)" }
    #expect(feed(&session, twenty, at: 1).count == 20)
    #expect(feed(&session, ["JOIN #c21"], at: 5) == [.close(.graceful)])
    #expect(session.phase == .closed)

    var later = loggedIn()
    _ = feed(&later, twenty, at: 1)
    #expect(feed(&later, ["JOIN #c21"], at: 12) == [.join(channel: "c21")], "the window slides")
  }

  @Test func joinListsCountEachChannel() {
    var session = loggedIn()
    let list = (1...21).map { "#c\($0)" }.joined(separator: ",")
    let actions = feed(&session, ["JOIN \(list)"])
    #expect(actions.count == 21)
    #expect(actions.last == .close(.graceful))
  }

  // MARK: Chat

  struct ChatCase: Sendable, CustomTestStringConvertible {
    var line: String
    var expected: [IRCSessionAction]
    var testDescription: String { line }
  }

  static let chatCases: [ChatCase] = [
    ChatCase(
      line: "PRIVMSG #Alice :hello world",
      expected: [.chat(IRCChatRequest(channel: "alice", text: "hello world", isAction: false))]),
    ChatCase(
      line: "PRIVMSG #alice :/me waves",
      expected: [.chat(IRCChatRequest(channel: "alice", text: "waves", isAction: true))]),
    ChatCase(
      line: "PRIVMSG #alice :.me waves",
      expected: [.chat(IRCChatRequest(channel: "alice", text: "waves", isAction: true))]),
    ChatCase(
      line: "PRIVMSG #alice :\u{1}ACTION waves\u{1}",
      expected: [.chat(IRCChatRequest(channel: "alice", text: "waves", isAction: true))]),
    ChatCase(
      line: "@reply-parent-msg-id=m1;client-nonce=abc PRIVMSG #alice :@carol yes",
      expected: [
        .chat(
          IRCChatRequest(
            channel: "alice", text: "@carol yes", isAction: false, replyParentID: "m1", clientNonce: "abc"))
      ]),
    ChatCase(
      line: "PRIVMSG #alice :/ban carol",
      expected: [
        .send(["@msg-id=unrecognized_cmd :tmi.twitch.tv NOTICE #alice :Unrecognized command: /ban"])
      ]),
    ChatCase(line: "PRIVMSG #alice :/disconnect", expected: [.close(.graceful)]),
    ChatCase(
      line: "PRIVMSG #alice :... so",
      expected: [.chat(IRCChatRequest(channel: "alice", text: "... so", isAction: false))]),
    ChatCase(
      line: "PRIVMSG #alice :/ not a command",
      expected: [.chat(IRCChatRequest(channel: "alice", text: "/ not a command", isAction: false))]),
    ChatCase(line: "PRIVMSG #alice :", expected: []),
    ChatCase(line: "PRIVMSG #alice", expected: []),
    ChatCase(line: "PRIVMSG alice :whisper", expected: []),
    ChatCase(line: "PRIVMSG #alice :/me", expected: []),
  ]

  @Test(arguments: chatCases) func privmsg(_ test: ChatCase) {
    var session = loggedIn()
    #expect(feed(&session, [test.line]) == test.expected)
  }

  @Test func anonymousCannotChat() {
    var session = session()
    _ = feed(&session, ["NICK justinfan1"])
    #expect(feed(&session, ["PRIVMSG #alice :hello"]).isEmpty)
  }

  @Test(arguments: [(false, 20), (true, 100)])
  func messageLimitDisconnects(_ privileged: Bool, _ limit: Int) {
    var session = loggedIn()
    for second in 0..<limit {
      #expect(session.admitChat(privileged: privileged, at: Self.start + .milliseconds(second * 10)).isEmpty)
    }
    #expect(session.admitChat(privileged: privileged, at: Self.start + .seconds(29)) == [.close(.graceful)])
    #expect(session.phase == .closed)
  }

  @Test func messageWindowSlides() {
    var session = loggedIn()
    for _ in 0..<20 { _ = session.admitChat(privileged: false, at: Self.start) }
    #expect(session.admitChat(privileged: false, at: Self.start + .seconds(31)).isEmpty)
  }

  @Test func sentMessageAnswersWithUserStateCarryingItsID() {
    let session = loggedIn()
    #expect(
      session.chatSent(channel: "alice", messageID: "m9", badges: [], clientNonce: "n1") == [
        .send([
          "@badge-info=;badges=;client-nonce=n1;color=#FF0000;display-name=Bob;emote-sets=0;id=m9;mod=0;"
            + "subscriber=0;user-type= :tmi.twitch.tv USERSTATE #alice"
        ])
      ])
  }

  // MARK: PING

  @Test func clientPingGetsPong() {
    var session = session()
    #expect(feed(&session, ["PING :x y"]) == [.send([":tmi.twitch.tv PONG tmi.twitch.tv :x y"])])
    #expect(feed(&session, ["PING"]) == [.send([":tmi.twitch.tv PONG tmi.twitch.tv"])])
  }

  @Test func serverPingsAndDisconnectsWithoutPong() {
    var session = loggedIn()
    #expect(session.tick(at: Self.start + .seconds(299)).isEmpty)
    #expect(session.tick(at: Self.start + .seconds(300)) == [.send(["PING :tmi.twitch.tv"])])
    #expect(session.tick(at: Self.start + .seconds(309)).isEmpty)
    #expect(session.tick(at: Self.start + .seconds(310)) == [.close(.graceful)])
    #expect(session.phase == .closed)
  }

  @Test func pongKeepsTheConnection() {
    var session = loggedIn()
    _ = session.tick(at: Self.start + .seconds(300))
    _ = feed(&session, ["PONG :tmi.twitch.tv"], at: 301)
    #expect(session.tick(at: Self.start + .seconds(320)).isEmpty)
    #expect(session.tick(at: Self.start + .seconds(600)) == [.send(["PING :tmi.twitch.tv"])])
  }

  @Test func unregisteredConnectionsAreNotPinged() {
    var session = session()
    #expect(session.tick(at: Self.start + .seconds(1000)).isEmpty)
  }

  @Test func quitCloses() {
    var session = loggedIn()
    #expect(feed(&session, ["QUIT :bye"]) == [.close(.graceful)])
  }
}
