import Testing
import WardenIRC

/// A parsed `UserNotice` reads its fields from the line; it still behaves as a plain value:
/// equal to one built in code with the same fields, and changed field by field.
struct UserNoticeValueTests {
  static let noticeLines = [9, 10, 11, 12, 13]

  @Test(arguments: noticeLines)
  func parsedEqualsBuilt(_ index: Int) throws {
    let parsed = try UserNoticeTests.notice(index)
    let built = Self.built(like: parsed)
    #expect(parsed == built)
    #expect(parsed.hashValue == built.hashValue)
    #expect(IRCMessage.userNotice(parsed) == .userNotice(built))
    #expect(ExpectedUserNotice(parsed) == ExpectedUserNotice(built))
    #expect(parsed.line != nil)
    #expect(built.line == nil)
  }

  @Test(arguments: noticeLines)
  func settingAFieldKeepsTheOthers(_ index: Int) throws {
    let parsed = try UserNoticeTests.notice(index)
    var changed = parsed
    changed.login = "someone-else"
    #expect(changed != parsed)
    var expected = ExpectedUserNotice(parsed)
    expected.login = "someone-else"
    #expect(ExpectedUserNotice(changed) == expected)
    #expect(changed.line == parsed.line)  // The raw line stays, for the tags not modelled.
    changed.login = parsed.login
    #expect(changed == parsed)
  }

  @Test func everyFieldCanBeSet() throws {
    var notice = try UserNoticeTests.notice(10)
    notice.channel = "c"
    notice.kind = .announcement(color: nil)
    notice.msgID = "announcement"
    notice.displayName = "D"
    notice.userID = "1"
    notice.roomID = "2"
    notice.messageID = "3"
    notice.text = nil
    notice.systemMessage = "s"
    notice.badges = []
    notice.badgeInfo = [Badge("subscriber", "1")]
    notice.emotes = []
    notice.color = nil
    notice.tmiSentTs = 4
    var expected = UserNotice(channel: "c", kind: .announcement(color: nil), msgID: "announcement")
    expected.login = "gutrin"
    expected.displayName = "D"
    expected.userID = "1"
    expected.roomID = "2"
    expected.messageID = "3"
    expected.systemMessage = "s"
    expected.badgeInfo = [Badge("subscriber", "1")]
    expected.tmiSentTs = 4
    #expect(notice == expected)
  }

  @Test func theLineHasTheTagsNotModelled() throws {
    let notice = try UserNoticeTests.notice(11)
    #expect(notice.line?.tag("msg-param-viewerCount") == "430")
    #expect(notice.line?.command == "USERNOTICE")
  }

  @Test(arguments: [
    // No text: no emotes, whatever the tag says.
    ("@emotes=25:0-4;msg-id=x :tmi.twitch.tv USERNOTICE #c", nil, [Emote]()),
    ("@emotes=25:0-4;msg-id=x :tmi.twitch.tv USERNOTICE #c :Kappa", "Kappa", [Emote(id: "25", ranges: [0...4])]),
    ("@emotes=25:2-6;msg-id=x :tmi.twitch.tv USERNOTICE #c :👋 Kappa", "👋 Kappa", [Emote(id: "25", ranges: [2...6])]),
    ("@emotes=25:0-9;msg-id=x :tmi.twitch.tv USERNOTICE #c :Kappa", "Kappa", []),
  ])
  func textAndEmotes(_ line: String, _ text: String?, _ emotes: [Emote]) throws {
    guard case .userNotice(let notice) = try IRCMessage.parse(line) else {
      Issue.record("not a USERNOTICE")
      return
    }
    #expect(notice.text == text)
    #expect(notice.emotes == emotes)
  }

  @Test func absentTagsReadAsDefaults() throws {
    guard case .userNotice(let notice) = try IRCMessage.parse("USERNOTICE #c") else {
      Issue.record("not a USERNOTICE")
      return
    }
    #expect(notice == UserNotice(channel: "c", kind: .other(msgID: "", params: [:]), msgID: ""))
  }

  /// A notice built in code with every field of `notice`.
  static func built(like notice: UserNotice) -> UserNotice {
    var built = UserNotice(channel: notice.channel, kind: notice.kind, msgID: notice.msgID)
    built.login = notice.login
    built.displayName = notice.displayName
    built.userID = notice.userID
    built.roomID = notice.roomID
    built.messageID = notice.messageID
    built.text = notice.text
    built.systemMessage = notice.systemMessage
    built.badges = notice.badges
    built.badgeInfo = notice.badgeInfo
    built.emotes = notice.emotes
    built.color = notice.color
    built.tmiSentTs = notice.tmiSentTs
    return built
  }
}
