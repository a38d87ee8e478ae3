import Testing
import WardenIRC
import WardenProtocol
import WardenTestSupport

@testable import WardenTwitch

@Suite struct IRCEventMapperTests {
  private func events(_ lines: [String]) throws -> [GatewayEvent] {
    var mapper = IRCEventMapper()
    return try lines.flatMap { mapper.events(for: try IRCMessage.parse($0)) }
  }

  @Test func privmsgBecomesChatMessageWithEveryField() throws {
    let line =
      "@badge-info=subscriber/26;badges=moderator/1,subscriber/24;color=#19E6E6;display-name=Mod_Marta;"
      + "emotes=25:6-10,12-16/1902:0-4;first-msg=1;id=m-1;returning-chatter=0;room-id=1001;"
      + "tmi-sent-ts=1700000000123;user-id=42;bits=100 :mod_marta!mod_marta@mod_marta.tmi.twitch.tv "
      + "PRIVMSG #pixelpaladin :Keepo Kappa Kappa"
    let result = try events([line])
    guard case .chatMessage(let data) = try #require(result.first) else {
      Issue.record("expected chat.message, got \(result)")
      return
    }
    #expect(data.channel == TwitchChannel(id: "1001", login: "pixelpaladin"))
    #expect(data.user == TwitchUser(id: "42", login: "mod_marta", displayName: "Mod_Marta"))
    #expect(data.messageID == "m-1")
    #expect(data.text == "Keepo Kappa Kappa")
    #expect(
      data.badges == [
        ChatBadge(setID: "moderator", version: "1"), ChatBadge(setID: "subscriber", version: "24", info: "26"),
      ])
    #expect(
      data.emotes == [
        ChatEmote(id: "1902", start: 0, end: 5), ChatEmote(id: "25", start: 6, end: 11),
        ChatEmote(id: "25", start: 12, end: 17),
      ])
    #expect(data.bits == 100)
    #expect(data.color == "#19E6E6")
    #expect(data.isFirstMessage)
    #expect(!data.isReturningChatter)
    #expect(data.source == .irc)
    #expect(data.twitchTS == 1_700_000_000_123)
  }

  @Test func replyAndActionAreKept() throws {
    let line =
      "@id=m-2;room-id=1001;user-id=7;display-name=Bob;reply-parent-msg-id=p-1;reply-parent-user-id=8;"
      + "reply-parent-user-login=alice;reply-parent-display-name=Alice;reply-parent-msg-body=hi\\sthere;"
      + "reply-thread-parent-msg-id=t-1;reply-thread-parent-user-login=carol :bob!bob@bob.tmi.twitch.tv "
      + "PRIVMSG #pixelpaladin :\u{1}ACTION waves\u{1}"
    guard case .chatMessage(let data) = try #require(try events([line]).first) else {
      Issue.record("expected chat.message")
      return
    }
    #expect(data.isAction)
    #expect(data.text == "waves")
    #expect(
      data.reply
        == ChatReply(
          parentMessageID: "p-1", parentUser: TwitchUser(id: "8", login: "alice", displayName: "Alice"),
          parentText: "hi there", threadMessageID: "t-1", threadUser: TwitchUser(login: "carol")))
  }

  @Test func clearChatBecomesBanTimeoutOrClear() throws {
    let result = try events([
      "@room-id=1001;target-user-id=9;tmi-sent-ts=1000 :tmi.twitch.tv CLEARCHAT #chan :spammer",
      "@ban-duration=600;room-id=1001;target-user-id=9;tmi-sent-ts=2000 :tmi.twitch.tv CLEARCHAT #chan :spammer",
      "@room-id=1001;tmi-sent-ts=3000 :tmi.twitch.tv CLEARCHAT #chan",
    ])
    let channel = TwitchChannel(id: "1001", login: "chan")
    let user = TwitchUser(id: "9", login: "spammer")
    #expect(
      result == [
        .ban(ModBanData(channel: channel, user: user, source: .irc, twitchTS: 1000)),
        .timeout(
          ModTimeoutData(channel: channel, user: user, durationS: 600, endsAt: 602_000, source: .irc, twitchTS: 2000)),
        .chatClear(ChatClearData(channel: channel, source: .irc, twitchTS: 3000)),
      ])
  }

  @Test func clearMessageBecomesDelete() throws {
    let result = try events([
      "@login=spammer;room-id=1001;target-msg-id=m-9;tmi-sent-ts=5 :tmi.twitch.tv CLEARMSG #chan :buy followers"
    ])
    #expect(
      result == [
        .chatDelete(
          ChatDeleteData(
            channel: TwitchChannel(id: "1001", login: "chan"), messageID: "m-9", user: TwitchUser(login: "spammer"),
            text: "buy followers", source: .irc, twitchTS: 5))
      ])
  }

  @Test func aClearMessageWithoutRoomIDTakesItFromTheRoomState() throws {
    let result = try events([
      "@emote-only=0;followers-only=-1;r9k=0;room-id=1001;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #chan",
      "@login=spammer;room-id=;target-msg-id=m-9;tmi-sent-ts=5 :tmi.twitch.tv CLEARMSG #chan :spam",
      "@login=spammer;target-msg-id=m-8 :tmi.twitch.tv CLEARMSG #elsewhere :spam",
    ])
    #expect(result.count == 1)
    #expect(result.first?.channel == TwitchChannel(id: "1001", login: "chan"))
  }

  @Test func fullRoomStateIsRecordedAndPartialOnesAreModeChanges() throws {
    let result = try events([
      "@emote-only=0;followers-only=-1;r9k=0;room-id=1001;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #chan",
      "@room-id=1001;slow=30 :tmi.twitch.tv ROOMSTATE #chan",
      "@room-id=1001;slow=30 :tmi.twitch.tv ROOMSTATE #chan",
      "@followers-only=10;room-id=1001 :tmi.twitch.tv ROOMSTATE #chan",
      "@room-id=1001;slow=0 :tmi.twitch.tv ROOMSTATE #chan",
      "@emote-only=1;room-id=1001 :tmi.twitch.tv ROOMSTATE #chan",
    ])
    let channel = TwitchChannel(id: "1001", login: "chan")
    #expect(
      result == [
        .mode(ModModeData(channel: channel, mode: .slow, enabled: true, durationS: 30, source: .irc)),
        .mode(ModModeData(channel: channel, mode: .followers, enabled: true, durationS: 600, source: .irc)),
        .mode(ModModeData(channel: channel, mode: .slow, enabled: false, source: .irc)),
        .mode(ModModeData(channel: channel, mode: .emoteOnly, enabled: true, source: .irc)),
      ])
  }

  @Test func userNoticesBecomeSubsAndRaids() throws {
    let result = try events([
      "@badges=;display-name=Luna;id=u-1;login=luna;msg-id=resub;msg-param-cumulative-months=13;"
        + "msg-param-streak-months=2;msg-param-should-share-streak=1;msg-param-sub-plan=1000;"
        + "msg-param-sub-plan-name=Sub;room-id=1001;system-msg=x;tmi-sent-ts=10;user-id=5 "
        + ":tmi.twitch.tv USERNOTICE #chan :still here",
      "@display-name=SpeedrunSam;id=u-2;login=speedrun_sam;msg-id=raid;msg-param-displayName=SpeedrunSam;"
        + "msg-param-login=speedrun_sam;msg-param-viewerCount=420;room-id=1001;system-msg=x;tmi-sent-ts=11;"
        + "user-id=6 :tmi.twitch.tv USERNOTICE #chan",
      "@display-name=X;id=u-3;login=x;msg-id=announcement;msg-param-color=PRIMARY;room-id=1001;system-msg=;"
        + "tmi-sent-ts=12;user-id=7 :tmi.twitch.tv USERNOTICE #chan :hello",
    ])
    let channel = TwitchChannel(id: "1001", login: "chan")
    #expect(
      result == [
        .sub(
          ChannelSubData(
            channel: channel, kind: .resub, messageID: "u-1",
            user: TwitchUser(id: "5", login: "luna", displayName: "Luna"),
            tier: "1000", months: 13, streakMonths: 2, text: "still here", source: .irc, twitchTS: 10)),
        .raid(
          ChannelRaidData(
            channel: channel, from: TwitchUser(id: "6", login: "speedrun_sam", displayName: "SpeedrunSam"),
            viewers: 420, source: .irc, twitchTS: 11)),
      ])
  }

  @Test func everySampleLineMapsWithoutTrouble() throws {
    var mapper = IRCEventMapper()
    var count = 0
    for line in TwitchIRCSamples.lines {
      let message = try IRCMessage.parse(line)
      for event in mapper.events(for: message) {
        _ = try event.encodedData()
        #expect(Topic.isValidSegment(event.channel.login))
        count += 1
      }
    }
    #expect(count > 10)
  }
}
