import Foundation
import Testing

@testable import TwitchSimCore
@testable import TwitchSimIRC

/// Rendered lines against real Twitch lines: where the inputs match a sample, the output must
/// be the sample, byte for byte.
@Suite struct IRCRenderTests {
  static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

  static func user(_ id: String, _ login: String, _ displayName: String, color: String? = nil) -> SimUser {
    SimUser(id: id, login: login, displayName: displayName, createdAt: Date(timeIntervalSince1970: 0), color: color)
  }

  @Test func clearChatMatchesSamples() {
    let pajlada = "11148817"
    let timeout = IRCRender.clearChat(
      channel: "pajlada", roomID: pajlada, target: Self.user("148973258", "fabzeef", "fabzeef"), durationSeconds: 1,
      at: Self.date(1_594_553_828_245))
    #expect(timeout.text == TwitchSamples.line("CLEARCHAT", containing: "fabzeef"))
    let ban = IRCRender.clearChat(
      channel: "pajlada", roomID: pajlada, target: Self.user("70948394", "weeb123", "weeb123"), durationSeconds: nil,
      at: Self.date(1_594_561_360_331))
    #expect(ban.text == TwitchSamples.line("CLEARCHAT", containing: "weeb123"))
    let clear = IRCRender.clearChat(
      channel: "randers", roomID: "40286300", target: nil, durationSeconds: nil, at: Self.date(1_594_561_392_337))
    #expect(clear.text == TwitchSamples.line("CLEARCHAT", containing: "#randers"))
    #expect(clear.requires == .commands)
  }

  @Test func clearMessageMatchesSample() {
    let message = ChatMessage(
      id: "15e5164d-f8e6-4aec-baf4-2d6a330760c4", channelID: "11148817", userID: "40286300", text: "test",
      sentAt: Self.date(0), isAction: true, bits: 0, replyParentID: nil, firstMessage: false, returningChatter: false,
      emotes: [], deleted: true)
    let line = IRCRender.clearMessage(
      channel: "pajlada", sender: Self.user("40286300", "randers", "randers"), message: message,
      at: Self.date(1_594_562_632_383))
    #expect(line.text == TwitchSamples.line("CLEARMSG"))
  }

  @Test func roomStatesMatchSamples() {
    var settings = ChatSettings()
    let full = IRCRender.roomState(channel: "randers", roomID: "40286300", settings: settings)
    // Twitch no longer sends `rituals` (the sample is from 2020).
    #expect(full.text == TwitchSamples.line("ROOMSTATE", containing: "emote-only").replacing("rituals=0;", with: ""))
    let before = settings
    settings.slowModeWaitTime = 5
    let change = IRCRender.roomStateChange(channel: "randers", roomID: "40286300", from: before, to: settings)
    #expect(change?.text == TwitchSamples.line("ROOMSTATE", containing: "slow=5"))
    #expect(IRCRender.roomStateChange(channel: "randers", roomID: "1", from: settings, to: settings) == nil)
  }

  @Test func noticeMatchesSample() {
    let notice = IRCRender.notice(
      channel: "forsen", msgID: "msg_banned", text: "You are permanently banned from talking in forsen.")
    #expect(notice.text == TwitchSamples.line("NOTICE", containing: "msg_banned"))
    #expect(IRCRender.ping.text == TwitchSamples.line("PING"))
    #expect(IRCRender.reconnect.text == TwitchSamples.line("RECONNECT"))
  }

  @Test func userStatesMatchSamplesButForEmoteSets() {
    let state = IRCRender.userState(
      channel: "randers", user: Self.user("1", "testuser", "TESTUSER", color: "#8A2BE2"),
      badges: [SimBadge(setID: "moderator", version: "1")])
    #expect(
      state.text
        == TwitchSamples.line("USERSTATE").replacing(
          "emote-sets=0,75c09c7b-332a-43ec-8be8-1d4571706155", with: "emote-sets=0"))
    let global = IRCRender.globalUserState(user: Self.user("40286300", "randers", "randers", color: "#19E6E6"))
    #expect(global.text == TwitchSamples.line("GLOBALUSERSTATE").replacing("emote-sets=0,42,237", with: "emote-sets=0"))
  }

  static func sub() -> UserNoticeEvent {
    UserNoticeEvent(
      kind: "sub", user: user("224005980", "fallenseraphhh", "fallenseraphhh"),
      broadcaster: user("71092938", "xqcow", "xQcOW"),
      badges: [SimBadge(setID: "subscriber", version: "0", info: "0"), SimBadge(setID: "premium", version: "1")],
      params: [
        "cumulative-months": "1", "months": "0", "should-share-streak": "0",
        "sub-plan-name": "Channel Subscription (xqcow)", "sub-plan": "Prime",
      ],
      systemMessage: "fallenseraphhh subscribed with Twitch Prime.", text: nil,
      id: "2a9bea11-a80a-49a0-a498-1642d457f775", sentAt: date(1_582_685_713_242))
  }

  @Test func userNoticesMatchSamples() {
    #expect(IRCRender.userNotice(Self.sub()).text == TwitchSamples.line("USERNOTICE", containing: "msg-id=sub;"))
    let raid = UserNoticeEvent(
      kind: "raid", user: Self.user("155874595", "iamelisabete", "iamelisabete", color: "#FF69B4"),
      broadcaster: Self.user("71092938", "xqcow", "xQcOW"), badges: [SimBadge(setID: "glhf-pledge", version: "1")],
      params: [
        "displayName": "iamelisabete", "login": "iamelisabete",
        "profileImageURL":
          "https://static-cdn.jtvnw.net/jtv_user_pictures/cae3ca63-510d-4715-b4ce-059dcf938978-profile_image-70x70.png",
        "viewerCount": "430",
      ],
      systemMessage: "430 raiders from iamelisabete have joined!", text: nil,
      id: "bb99dda7-3736-4583-9114-52aa11b23d17", sentAt: Self.date(1_594_517_796_120))
    #expect(IRCRender.userNotice(raid).text == TwitchSamples.line("USERNOTICE", containing: "msg-id=raid;"))
  }

  @Test func replyMatchesSamplePlusThreadTags() {
    let channel = Self.user("37940952", "retoon", "Retoon")
    let parent = ChatMessage(
      id: "6b13e51b-7ecb-43b5-ba5b-2bb5288df696", channelID: channel.id, userID: channel.id, text: "hello",
      sentAt: Self.date(0), isAction: false, bits: 0, replyParentID: nil, firstMessage: false,
      returningChatter: false, emotes: [], deleted: false)
    let message = ChatMessage(
      id: "5b4f63a9-776f-4fce-bf3c-d9707f52e32d", channelID: channel.id, userID: "133651738", text: "@Retoon yes",
      sentAt: Self.date(1_673_925_983_585), isAction: false, bits: 0, replyParentID: parent.id, firstMessage: false,
      returningChatter: false, emotes: [], deleted: false)
    let event = ChatMessageEvent(
      message: message, sender: Self.user("133651738", "leftswing", "LeftSwing"), broadcaster: channel, role: .viewer,
      badges: [], replyParent: (parent, channel))
    let thread = ReplyThread(parent: parent, parentSender: channel, root: parent, rootSender: channel)
    let line = IRCRender.privmsg(event, thread: thread, clientNonce: "cd56193132f934ac71b4d5ac488d4bd6")
    // The sample predates the reply-thread-parent tags (2023), which Twitch now adds.
    let threadTags =
      "reply-thread-parent-display-name=Retoon;reply-thread-parent-msg-id=6b13e51b-7ecb-43b5-ba5b-2bb5288df696;"
      + "reply-thread-parent-user-id=37940952;reply-thread-parent-user-login=retoon;"
    #expect(line.text.replacing(threadTags, with: "") == TwitchSamples.line("PRIVMSG", containing: "LeftSwing"))
  }

  @Test func vipMessageHasVipTag() {
    let channel = Self.user("75704631", "eloonstra", "eloonstra")
    let message = ChatMessage(
      id: "c46f5ea8-bbba-499d-a10f-96463d2955c1", channelID: channel.id, userID: "465396358", text: "boing",
      sentAt: Self.date(1_674_085_692_645), isAction: false, bits: 0, replyParentID: nil, firstMessage: false,
      returningChatter: false, emotes: [], deleted: false)
    let event = ChatMessageEvent(
      message: message, sender: Self.user("465396358", "eloonstra", "eloonstra", color: "#FF69B4"),
      broadcaster: channel,
      role: .vip, badges: [SimBadge(setID: "vip", version: "1")], replyParent: nil)
    #expect(
      IRCRender.privmsg(event, thread: nil).text
        == "@badge-info=;badges=vip/1;color=#FF69B4;display-name=eloonstra;emotes=;first-msg=0;flags=;"
        + "id=c46f5ea8-bbba-499d-a10f-96463d2955c1;mod=0;returning-chatter=0;room-id=75704631;subscriber=0;"
        + "tmi-sent-ts=1674085692645;turbo=0;user-id=465396358;user-type=;vip=1 "
        + ":eloonstra!eloonstra@eloonstra.tmi.twitch.tv PRIVMSG #eloonstra :boing")
  }

  /// Every tag list the renderers build, with every optional tag present, is in Twitch's order.
  @Test func renderedTagsAreInTwitchOrder() {
    let channel = Self.user("1", "chan", "Chan")
    let parent = ChatMessage(
      id: "p", channelID: "1", userID: "1", text: "x", sentAt: Self.date(0), isAction: false, bits: 0,
      replyParentID: nil, firstMessage: true, returningChatter: true, emotes: [], deleted: false)
    var message = parent
    message.bits = 5
    message.replyParentID = "p"
    let event = ChatMessageEvent(
      message: message, sender: channel, broadcaster: channel, role: .vip,
      badges: [SimBadge(setID: "vip", version: "1"), SimBadge(setID: "subscriber", version: "3", info: "4")],
      replyParent: (parent, channel))
    let thread = ReplyThread(parent: parent, parentSender: channel, root: parent, rootSender: channel)
    var notice = Self.sub()
    notice.badges.append(SimBadge(setID: "vip", version: "1"))
    notice.text = "hi Kappa"
    let lines = [
      IRCRender.privmsg(event, thread: thread, clientNonce: "n"),
      IRCRender.userNotice(notice),
      IRCRender.userState(channel: "c", user: channel, badges: event.badges, messageID: "m", clientNonce: "n"),
      IRCRender.globalUserState(user: channel),
      IRCRender.roomState(channel: "c", roomID: "1", settings: ChatSettings()),
      IRCRender.clearChat(channel: "c", roomID: "1", target: channel, durationSeconds: 5, at: Self.date(0)),
    ]
    for line in lines {
      #expect(TagWriter.isTwitchOrdered(line.tags), "\(line.tags)")
    }
    for sample in TwitchSamples.lines {
      #expect(TagWriter.isTwitchOrdered(IRCLine(raw: sample).tags), "\(sample)")
    }
  }

  @Test func rawLinesAreClassified() {
    let line = IRCLine(raw: TwitchSamples.line("CLEARCHAT", containing: "fabzeef"))
    #expect(line.requires == .commands)
    #expect(line.body == ":tmi.twitch.tv CLEARCHAT #pajlada :fabzeef")
    #expect(IRCLine(raw: TwitchSamples.line("PRIVMSG")).requires == [])
    #expect(IRCLine(raw: ":a!a@a.tmi.twitch.tv JOIN #x").requires == .membership)
    #expect(IRCLine(raw: "PING :tmi.twitch.tv").text(for: []) == "PING :tmi.twitch.tv")
  }
}
