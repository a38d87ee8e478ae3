import Testing
import WardenIRC

struct UserNoticeTests {
  static let kinds: [(Int, UserNotice.Kind)] = [
    (
      9,
      .sub(
        UserNotice.Subscription(
          cumulativeMonths: 1, streakMonths: nil, sharesStreak: false, plan: "Prime",
          planName: "Channel Subscription (xqcow)"))
    ),
    (
      10,
      .resub(
        UserNotice.Subscription(
          cumulativeMonths: 2, streakMonths: 2, sharesStreak: true, plan: "1000",
          planName: "Channel Subscription (xqcow)"))
    ),
    (11, .raid(UserNotice.Raid(login: "iamelisabete", displayName: "iamelisabete", viewerCount: 430))),
    (12, .subMysteryGift(UserNotice.MysteryGift(count: 20, senderCount: 100, plan: "1000"))),
    (13, .announcement(color: "PRIMARY")),
  ]

  @Test(arguments: kinds)
  func sampleKind(_ index: Int, _ kind: UserNotice.Kind) throws {
    let notice = try Self.notice(index)
    #expect(notice.kind == kind)
    #expect(notice.channel == (index == 13 ? "pajlada" : "xqcow"))
  }

  @Test func resubFields() throws {
    let notice = try Self.notice(10)
    #expect(notice.msgID == "resub")
    #expect(notice.login == "gutrin")
    #expect(notice.displayName == "Gutrin")
    #expect(notice.userID == "21156217")
    #expect(notice.roomID == "71092938")
    #expect(notice.messageID == "e0975c76-054c-4954-8cb0-91b8867ec1ca")
    #expect(notice.text == "xqcL")
    #expect(notice.emotes == [Emote(id: "1035663", ranges: [0...3])])
    #expect(notice.badges == [Badge("subscriber", "0"), Badge("battlerite_1", "1")])
    #expect(notice.badgeInfo == [Badge("subscriber", "2")])
    #expect(notice.color == "#0000FF")
    #expect(notice.tmiSentTs == 1_581_713_640_019)
    #expect(
      notice.systemMessage
        == "Gutrin subscribed at Tier 1. They've subscribed for 2 months, currently on a 2 month streak!")
  }

  @Test func announcementFields() throws {
    let notice = try Self.notice(13)
    #expect(notice.text == "hello pajs pajaH Kappa Keepo")
    #expect(
      notice.emotes == [
        Emote(id: "185989", ranges: [11...15]), Emote(id: "25", ranges: [17...21]),
        Emote(id: "1902", ranges: [23...27]),
      ])
    #expect(notice.systemMessage == "")
  }

  @Test func noticeWithoutAMessageHasNoText() throws {
    let notice = try Self.notice(11)
    #expect(notice.text == nil)
    #expect(notice.systemMessage == "430 raiders from iamelisabete have joined!")
  }

  @Test func unknownMsgIDKeepsItsParams() throws {
    let line =
      "@msg-id=viewermilestone;msg-param-category=watch-streak;msg-param-value=3;login=a "
      + ":tmi.twitch.tv USERNOTICE #c"
    guard case .userNotice(let notice) = try IRCMessage.parse(line) else {
      Issue.record("not a USERNOTICE")
      return
    }
    #expect(notice.kind == .other(msgID: "viewermilestone", params: ["category": "watch-streak", "value": "3"]))
  }

  @Test func subGift() throws {
    let line =
      "@msg-id=subgift;msg-param-recipient-user-name=bob;msg-param-recipient-display-name=Bob;"
      + "msg-param-recipient-id=7;msg-param-months=3;msg-param-gift-months=1;msg-param-sub-plan=1000;"
      + "msg-param-sub-plan-name=Tier\\s1 :tmi.twitch.tv USERNOTICE #c"
    let expected = UserNotice.SubGift(
      recipientLogin: "bob", recipientDisplayName: "Bob", recipientID: "7", months: 3, giftMonths: 1, plan: "1000",
      planName: "Tier 1")
    guard case .userNotice(let notice) = try IRCMessage.parse(line) else {
      Issue.record("not a USERNOTICE")
      return
    }
    #expect(notice.kind == .subGift(expected))
  }

  static func notice(_ index: Int) throws -> UserNotice {
    guard case .userNotice(let notice) = try IRCMessage.parse(Samples.line(index)) else {
      throw SampleError()
    }
    return notice
  }
}

struct SampleError: Error {}
