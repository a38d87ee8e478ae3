import Testing

@testable import TwitchSimIRC

@Suite struct IRCMessageTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var line: String
    var expected: IRCMessage?
    var testDescription: String { line.debugDescription }
  }

  static let cases: [Case] = [
    Case(line: "PING :tmi.twitch.tv", expected: IRCMessage(command: "PING", params: ["tmi.twitch.tv"])),
    Case(line: "NICK justinfan123", expected: IRCMessage(command: "NICK", params: ["justinfan123"])),
    Case(
      line: "CAP REQ :twitch.tv/tags twitch.tv/commands",
      expected: IRCMessage(command: "CAP", params: ["REQ", "twitch.tv/tags twitch.tv/commands"])),
    Case(
      line: "@reply-parent-msg-id=abc;client-nonce=n\\s1 PRIVMSG #chan :hello there :)",
      expected: IRCMessage(
        tags: ["reply-parent-msg-id": "abc", "client-nonce": "n 1"], command: "PRIVMSG",
        params: ["#chan", "hello there :)"])),
    Case(
      line: ":nick!nick@nick.tmi.twitch.tv PRIVMSG #chan ::starts with colon",
      expected: IRCMessage(
        prefix: "nick!nick@nick.tmi.twitch.tv", command: "PRIVMSG", params: ["#chan", ":starts with colon"])),
    Case(line: "  JOIN   #a,#b  ", expected: IRCMessage(command: "JOIN", params: ["#a,#b"])),
    Case(line: "PRIVMSG #chan :", expected: IRCMessage(command: "PRIVMSG", params: ["#chan", ""])),
    Case(line: "@flag;empty=;=novalue QUIT", expected: IRCMessage(tags: ["flag": "", "empty": ""], command: "QUIT")),
    Case(line: "", expected: nil),
    Case(line: "   ", expected: nil),
    Case(line: "@only-tags", expected: nil),
    Case(line: ":prefix-only", expected: nil),
    Case(line: "@a=b :prefix", expected: nil),
  ]

  @Test(arguments: cases) func parses(_ test: Case) {
    #expect(IRCMessage(parsing: test.line) == test.expected)
  }

  @Test func verbIsUpperCased() {
    #expect(IRCMessage(parsing: "privmsg #a :b")?.verb == "PRIVMSG")
  }

  @Test(arguments: [
    "\u{0}\u{1}\u{2}", "@;;; ;;;", ":::: :::", "PRIVMSG", "\u{FFFD}\u{FFFD} #x", String(repeating: "@", count: 10_000),
    "@" + String(repeating: "a=\\", count: 1000) + " X",
  ])
  func survivesGarbage(_ line: String) {
    _ = IRCMessage(parsing: line)
  }
}
