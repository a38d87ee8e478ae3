import Testing
import WardenProtocol

@testable import WardenTwitch

@Suite struct EventSubEventMapperTests {
  let channel = TwitchChannel(id: "1001", login: "pixelpaladin")
  let moderator = TwitchUser(id: "2", login: "mod_marta", displayName: "Mod_Marta")
  let people =
    #""broadcaster_user_id":"1001","broadcaster_user_login":"pixelpaladin","broadcaster_user_name":"PixelPaladin","#
    + #""moderator_user_id":"2","moderator_user_login":"mod_marta","moderator_user_name":"Mod_Marta""#

  func moderate(_ action: String, _ detail: String) throws -> [GatewayEvent] {
    let json =
      "{\(people),\"source_broadcaster_user_id\":null,\"action\":\"\(action)\",\"\(action)\":\(detail)}"
    return try EventSubEventMapper.events(
      type: "channel.moderate", event: Array(json.utf8), timestamp: "2024-06-11T19:03:00.000Z")
  }

  let target = #""user_id":"9","user_login":"spammer","user_name":"Spammer""#
  var spammer: TwitchUser { TwitchUser(id: "9", login: "spammer", displayName: "Spammer") }
  let ts: Int64 = 1_718_132_580_000

  @Test func moderateBan() throws {
    #expect(
      try moderate("ban", "{\(target),\"reason\":\"spam\"}") == [
        .ban(
          ModBanData(
            channel: channel, user: spammer, moderator: moderator, reason: "spam", source: .eventsub, twitchTS: ts))
      ])
  }

  @Test func moderateTimeoutComputesTheDuration() throws {
    let events = try moderate("timeout", "{\(target),\"reason\":\"\",\"expires_at\":\"2024-06-11T19:13:00Z\"}")
    #expect(
      events == [
        .timeout(
          ModTimeoutData(
            channel: channel, user: spammer, moderator: moderator, durationS: 600, endsAt: ts + 600_000,
            source: .eventsub, twitchTS: ts))
      ])
  }

  @Test func moderateUnbanUntimeoutWarnDelete() throws {
    #expect(
      try moderate("untimeout", "{\(target)}") == [
        .unban(
          ModUnbanData(
            channel: channel, user: spammer, moderator: moderator, wasTimeout: true, source: .eventsub, twitchTS: ts))
      ])
    #expect(
      try moderate("warn", "{\(target),\"reason\":\"be nice\",\"chat_rules_cited\":null}") == [
        .warn(
          ModWarnData(
            channel: channel, user: spammer, moderator: moderator, reason: "be nice", source: .eventsub, twitchTS: ts))
      ])
    #expect(
      try moderate("delete", "{\(target),\"message_id\":\"m-1\",\"message_body\":\"spam\"}") == [
        .chatDelete(
          ChatDeleteData(
            channel: channel, messageID: "m-1", user: spammer, text: "spam", moderator: moderator, source: .eventsub,
            twitchTS: ts))
      ])
  }

  @Test(arguments: [
    ("slow", #"{"wait_time_seconds":30}"#, ChatMode.slow, true, 30 as Int?),
    ("slowoff", "null", .slow, false, nil),
    ("followers", #"{"follow_duration_minutes":10}"#, .followers, true, 600),
    ("followersoff", "null", .followers, false, nil),
    ("subscribers", "null", .subs, true, nil),
    ("emoteonlyoff", "null", .emoteOnly, false, nil),
    ("uniquechat", "null", .uniqueChat, true, nil),
  ])
  func moderateModes(action: String, detail: String, mode: ChatMode, enabled: Bool, duration: Int?) throws {
    #expect(
      try moderate(action, detail) == [
        .mode(
          ModModeData(
            channel: channel, mode: mode, enabled: enabled, durationS: duration, moderator: moderator,
            source: .eventsub, twitchTS: ts))
      ])
  }

  @Test func unknownActionsAndTypesGiveNothing() throws {
    #expect(try moderate("vip", "{\(target)}").isEmpty)
    #expect(
      try EventSubEventMapper.events(type: "channel.unknown", event: Array("{\(people)}".utf8), timestamp: nil).isEmpty)
  }

  @Test func autoModHoldAndUpdate() throws {
    let hold =
      "{\(people),\"user_id\":\"9\",\"user_login\":\"spammer\",\"user_name\":\"Spammer\",\"message_id\":\"h-1\","
      + #""message":{"text":"bad words","fragments":[]},"reason":"automod","automod":{"category":"swearing","level":4,"#
      + #""boundaries":[]},"blocked_term":null,"held_at":"2024-06-11T19:03:00Z"}"#
    #expect(
      try EventSubEventMapper.events(type: "automod.message.hold", event: Array(hold.utf8), timestamp: nil) == [
        .autoModHeld(
          AutoModHeldData(
            channel: channel, messageID: "h-1", user: spammer, text: "bad words", reason: "automod",
            category: "swearing", level: 4, source: .eventsub, twitchTS: ts))
      ])
    let update =
      "{\(people),\"user_id\":\"9\",\"user_login\":\"spammer\",\"user_name\":\"Spammer\",\"message_id\":\"h-1\","
      + #""status":"Approved","held_at":"2024-06-11T19:03:00Z"}"#
    #expect(
      try EventSubEventMapper.events(type: "automod.message.update", event: Array(update.utf8), timestamp: nil) == [
        .autoModResolved(
          AutoModResolvedData(
            channel: channel, messageID: "h-1", user: spammer, status: .approved, moderator: moderator,
            source: .eventsub))
      ])
  }

  @Test func streamOnlineOfflineAndFollow() throws {
    let online =
      #"{"id":"s-1","broadcaster_user_id":"1001","broadcaster_user_login":"pixelpaladin","#
      + #""broadcaster_user_name":"PixelPaladin","type":"live","started_at":"2024-06-11T19:03:00Z"}"#
    #expect(
      try EventSubEventMapper.events(type: "stream.online", event: Array(online.utf8), timestamp: nil) == [
        .online(ChannelOnlineData(channel: channel, streamID: "s-1", kind: "live", source: .eventsub, twitchTS: ts))
      ])
    let follow =
      "{\(people),\"user_id\":\"9\",\"user_login\":\"spammer\",\"user_name\":\"Spammer\","
      + #""followed_at":"2024-06-11T19:03:00Z"}"#
    #expect(
      try EventSubEventMapper.events(type: "channel.follow", event: Array(follow.utf8), timestamp: nil) == [
        .follow(ChannelFollowData(channel: channel, user: spammer, source: .eventsub, twitchTS: ts))
      ])
  }

  @Test func garbageIsAnErrorNotACrash() {
    #expect(throws: (any Error).self) {
      try EventSubEventMapper.events(type: "channel.moderate", event: Array("{not json".utf8), timestamp: nil)
    }
  }
}
