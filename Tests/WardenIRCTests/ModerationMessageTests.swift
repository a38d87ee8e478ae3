import Testing
import WardenIRC

/// CLEARCHAT, CLEARMSG, ROOMSTATE and NOTICE samples.
struct ModerationMessageTests {
  static let clearChats: [(Int, ClearChat)] = [
    (
      5,
      ClearChat(
        channel: "pajlada", roomID: "11148817", action: .timeout(login: "fabzeef", seconds: 1),
        targetUserID: "148973258", tmiSentTs: 1_594_553_828_245)
    ),
    (
      6,
      ClearChat(
        channel: "pajlada", roomID: "11148817", action: .ban(login: "weeb123"), targetUserID: "70948394",
        tmiSentTs: 1_594_561_360_331)
    ),
    (7, ClearChat(channel: "randers", roomID: "40286300", action: .clear, tmiSentTs: 1_594_561_392_337)),
  ]

  @Test(arguments: clearChats)
  func clearChat(_ index: Int, _ expected: ClearChat) throws {
    #expect(try IRCMessage.parse(Samples.line(index)) == .clearChat(expected))
  }

  @Test func clearMessageWithAnActionAndAnEmptyRoomID() throws {
    let expected = ClearMessage(
      channel: "pajlada", login: "randers", roomID: nil, targetMessageID: "15e5164d-f8e6-4aec-baf4-2d6a330760c4",
      text: "test", isAction: true, tmiSentTs: 1_594_562_632_383)
    #expect(try IRCMessage.parse(Samples.line(8)) == .clearMessage(expected))
  }

  @Test func fullRoomState() throws {
    var expected = RoomState(channel: "randers")
    expected.roomID = "40286300"
    expected.emoteOnly = false
    expected.followersOnly = -1
    expected.r9k = false
    expected.rituals = false
    expected.slow = 0
    expected.subsOnly = false
    #expect(try IRCMessage.parse(Samples.line(14)) == .roomState(expected))
  }

  @Test func partialRoomState() throws {
    var expected = RoomState(channel: "randers")
    expected.roomID = "40286300"
    expected.slow = 5
    #expect(try IRCMessage.parse(Samples.line(15)) == .roomState(expected))
  }

  @Test(arguments: [
    (
      16,
      Notice(channel: "forsen", messageID: "msg_banned", text: "You are permanently banned from talking in forsen.")
    ),
    (17, Notice(channel: "*", messageID: nil, text: "Improperly formatted auth")),
  ])
  func notice(_ index: Int, _ expected: Notice) throws {
    #expect(try IRCMessage.parse(Samples.line(index)) == .notice(expected))
  }
}
