import Testing
import WardenIRC

struct PrivateMessageTests {
  static func message(
    _ channel: String, _ login: String, _ text: String, _ fill: (inout ExpectedPrivateMessage) -> Void
  ) -> ExpectedPrivateMessage {
    var message = ExpectedPrivateMessage(channel: channel, login: login, text: text)
    fill(&message)
    return message
  }

  static let expected: [(Int, ExpectedPrivateMessage)] = [
    (
      0,
      message("pajlada", "randers", "Kappa Keepo Kappa Kappa test Keepo Keepo 123 :) :) :P") {
        $0.displayName = "randers"
        $0.userID = "40286300"
        $0.roomID = "11148817"
        $0.messageID = "f9c5774b-faa7-4378-b1af-c4e08b532dc2"
        $0.badges = [Badge("moderator", "1"), Badge("subscriber", "12")]
        $0.badgeInfo = [Badge("subscriber", "22")]
        $0.emotes = [
          Emote(id: "1902", ranges: [6...10, 29...33, 35...39]), Emote(id: "499", ranges: [45...46, 48...49]),
          Emote(id: "490", ranges: [51...52]), Emote(id: "25", ranges: [0...4, 12...16, 18...22]),
        ]
        $0.color = "#19E6E6"
        $0.tmiSentTs = 1_594_556_065_407
        $0.isModerator = true
        $0.isSubscriber = true
        $0.userType = "mod"
      }
    ),
    (
      1,
      message("retoon", "leftswing", "@Retoon yes") {
        $0.displayName = "LeftSwing"
        $0.userID = "133651738"
        $0.roomID = "37940952"
        $0.messageID = "5b4f63a9-776f-4fce-bf3c-d9707f52e32d"
        $0.replyParent = ReplyParent(
          messageID: "6b13e51b-7ecb-43b5-ba5b-2bb5288df696", userID: "37940952", login: "retoon",
          displayName: "Retoon", body: "hello")
        $0.tmiSentTs = 1_673_925_983_585
      }
    ),
    (
      2,
      message("pajlada", "tetyys", "trihard1") {
        $0.displayName = "TETYYS"
        $0.userID = "36175310"
        $0.roomID = "11148817"
        $0.messageID = "d7f03a35-f339-41ca-b4d4-7c0721438570"
        $0.badges = [Badge("bits", "100")]
        $0.bits = 1
        $0.color = "#004B49"
        $0.tmiSentTs = 1_594_571_566_672
      }
    ),
    (
      3,
      message("eloonstra", "eloonstra", "boing") {
        $0.displayName = "eloonstra"
        $0.userID = "465396358"
        $0.roomID = "75704631"
        $0.messageID = "c46f5ea8-bbba-499d-a10f-96463d2955c1"
        $0.badges = [Badge("vip", "1"), Badge("bits", "100")]
        $0.color = "#FF69B4"
        $0.customRewardID = "ea98be77-c54e-49cd-bc52-d8290cf12ad8"
        $0.tmiSentTs = 1_674_085_692_645
        $0.isVIP = true
      }
    ),
    (
      4,
      message("vampireblazewing", "eternalwerecat22", "Video game things") {
        $0.displayName = "Eternalwerecat22"
        $0.userID = "488149571"
        $0.roomID = "39656772"
        $0.messageID = "fa9da65d-86da-429f-90f1-467a6ac332df"
        $0.badges = [Badge("moderator", "1")]
        $0.color = "#00FF7F"
        $0.sharedChat = SharedChatSource(
          roomID: "655533779", messageID: "614e293b-46c8-4f6f-9e35-f53f64254472", badges: [Badge("subscriber", "3")],
          badgeInfo: [Badge("subscriber", "5")], isSourceOnly: false)
        $0.tmiSentTs = 1_762_536_730_215
        $0.isModerator = true
        $0.userType = "mod"
      }
    ),
  ]

  @Test(arguments: expected)
  func sampleParsesToExpectedFields(_ index: Int, _ expected: ExpectedPrivateMessage) throws {
    guard case .privmsg(let message) = try IRCMessage.parse(Samples.line(index)) else {
      Issue.record("line \(index) is not a PRIVMSG")
      return
    }
    #expect(ExpectedPrivateMessage(message) == expected)
  }

  @Test func emoteRangesSelectTheEmoteText() throws {
    guard case .privmsg(let message) = try IRCMessage.parse(Samples.line(0)) else {
      Issue.record("not a PRIVMSG")
      return
    }
    #expect(message.emotes.first?.ranges.map { message.text(of: $0) } == ["Keepo", "Keepo", "Keepo"])
    #expect(message.emotes.last?.ranges.map { message.text(of: $0) } == ["Kappa", "Kappa", "Kappa"])
  }

  @Test(arguments: [
    // Ranges count Unicode scalars: the emoji is one scalar, four bytes.
    ("25:2-6", "👋 Kappa", [Emote(id: "25", ranges: [2...6])]),
    ("25:0-4/1902:6-10", "Kappa Keepo", [Emote(id: "25", ranges: [0...4]), Emote(id: "1902", ranges: [6...10])]),
    // Out of range, reversed, negative, malformed and empty entries are dropped.
    ("25:0-4,6-99", "Kappa Kappa", [Emote(id: "25", ranges: [0...4])]),
    ("25:4-0", "Kappa", []),
    ("25:-1-3", "Kappa", []),
    ("25:a-b,1,2-,-3/:0-1/x/", "Kappa", []),
    ("25:0-4,,", "Kappa", [Emote(id: "25", ranges: [0...4])]),
    ("25:0-99999999999999999999", "Kappa", []),
    ("", "Kappa", []),
  ])
  func emotesAreTolerant(_ tag: String, _ text: String, _ expected: [Emote]) throws {
    let message = try IRCMessage.parse("@emotes=\(tag) :a!a@a PRIVMSG #c :\(text)")
    guard case .privmsg(let message) = message else {
      Issue.record("not a PRIVMSG")
      return
    }
    #expect(message.emotes == expected)
  }

  @Test(arguments: [
    ("subscriber/12,premium/1", [Badge("subscriber", "12"), Badge("premium", "1")]),
    ("vip", [Badge("vip", "")]),
    ("/1,b/2", [Badge("b", "2")]),
    (",,a/1,", [Badge("a", "1")]),
    ("a/b/c", [Badge("a", "b/c")]),
    ("a\\s/1\\:", [Badge("a ", "1;")]),
    ("", []),
  ])
  func badgesAreTolerant(_ tag: String, _ expected: [Badge]) throws {
    guard case .privmsg(let message) = try IRCMessage.parse("@badges=\(tag) :a!a@a PRIVMSG #c :hi") else {
      Issue.record("not a PRIVMSG")
      return
    }
    #expect(message.badges == expected)
  }

  @Test(arguments: [
    ("\u{1}ACTION waves\u{1}", "waves", true),
    ("\u{1}ACTION waves", "waves", true),
    ("\u{1}ACTION \u{1}", "", true),
    ("\u{1}ACTIONwaves\u{1}", "\u{1}ACTIONwaves\u{1}", false),
    ("plain", "plain", false),
    ("", "", false),
  ])
  func actionsAreUnwrapped(_ body: String, _ text: String, _ isAction: Bool) throws {
    guard case .privmsg(let message) = try IRCMessage.parse("@emotes= :a!a@a PRIVMSG #c :\(body)") else {
      Issue.record("not a PRIVMSG")
      return
    }
    #expect(message.text == text)
    #expect(message.isAction == isAction)
  }

  @Test func threadParentAndFlags() throws {
    let line =
      "@client-nonce=n1;first-msg=1;returning-chatter=1;vip=0;turbo=1;display-name=A\\sB;reply-parent-msg-id=p;"
      + "reply-thread-parent-msg-id=t;reply-thread-parent-user-login=root :a!a@a PRIVMSG #c :hi"
    guard case .privmsg(let message) = try IRCMessage.parse(line) else {
      Issue.record("not a PRIVMSG")
      return
    }
    #expect(message.isFirstMessage && message.isReturningChatter && message.isTurbo && !message.isVIP)
    #expect(message.displayName == "A B")
    #expect(message.line.tag("client-nonce") == "n1")
    #expect(message.replyParent == ReplyParent(messageID: "p", userID: "", login: "", displayName: "", body: ""))
    #expect(message.threadParent == ThreadParent(messageID: "t", login: "root"))
  }
}
