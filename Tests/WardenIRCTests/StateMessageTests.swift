import Testing
import WardenIRC

/// USERSTATE, GLOBALUSERSTATE, WHISPER, PING, RECONNECT and a numeric.
struct StateMessageTests {
  @Test func userState() throws {
    var expected = UserState(channel: "randers", displayName: "TESTUSER")
    expected.badges = [Badge("moderator", "1")]
    expected.color = "#8A2BE2"
    expected.emoteSets = ["0", "75c09c7b-332a-43ec-8be8-1d4571706155"]
    expected.isModerator = true
    expected.userType = "mod"
    #expect(try IRCMessage.parse(Samples.line(18)) == .userState(expected))
  }

  @Test func globalUserState() throws {
    var expected = GlobalUserState(userID: "40286300", displayName: "randers")
    expected.color = "#19E6E6"
    expected.emoteSets = ["0", "42", "237"]
    #expect(try IRCMessage.parse(Samples.line(19)) == .globalUserState(expected))
  }

  @Test func whisper() throws {
    var expected = Whisper(login: "randers", recipient: "randers811", text: "hello, this is a test Kappa")
    expected.displayName = "randers"
    expected.userID = "40286300"
    expected.messageID = "1"
    expected.threadID = "40286300_553170741"
    expected.color = "#19E6E6"
    expected.emotes = [Emote(id: "25", ranges: [22...26])]
    #expect(try IRCMessage.parse(Samples.line(20)) == .whisper(expected))
  }

  @Test func pingAndReconnect() throws {
    #expect(try IRCMessage.parse(Samples.line(21)) == .ping("tmi.twitch.tv"))
    #expect(try IRCMessage.parse("PING") == .ping(nil))
    #expect(try IRCMessage.parse(Samples.line(22)) == .reconnect)
  }

  @Test func numericIsKeptRaw() throws {
    guard case .other(let line) = try IRCMessage.parse(Samples.line(23)) else {
      Issue.record("001 is not .other")
      return
    }
    #expect(line.command == "001")
    #expect(line.params == ["justinfan12345", "Welcome, GLHF!"])
    #expect(line.prefix == IRCPrefix(raw: "tmi.twitch.tv", nick: "tmi.twitch.tv"))
  }
}
