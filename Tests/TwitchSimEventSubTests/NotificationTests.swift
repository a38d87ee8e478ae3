import Foundation
import Testing
import TwitchSimCore

@testable import TwitchSimEventSub

/// World events arriving as Twitch notifications on subscribed sessions.
@Suite struct NotificationTests {
  /// Connects, reads the welcome and returns the client and its session id.
  func connect(_ harness: EventSubHarness) async throws -> (TestClient, String) {
    let client = TestClient(harness.url)
    let welcome = try #require(await client.next())
    return (client, try #require(welcome.string("payload.session.id")))
  }

  @Test func chatMessageArrivesAsChannelChatMessage() async throws {
    try await EventSubHarness.with { harness in
      let (client, sessionID) = try await connect(harness)
      let subscription = try harness.subscribe(
        "channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      // Another channel's chat does not match the condition.
      let other = try harness.world.createUser(login: "elsewhere")
      try harness.world.openChannel(broadcasterID: other.id)
      try harness.world.sendChat(channelID: other.id, userID: harness.viewer.id, text: "not for you")
      try harness.world.sendChat(
        channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "hi @WardenBot Kappa cheer100", bits: 100)

      let notification = try #require(await client.next("notification"))
      #expect(
        notification.keys("metadata") == [
          "message_id", "message_type", "message_timestamp", "subscription_type", "subscription_version",
        ])
      #expect(notification.string("metadata.subscription_type") == "channel.chat.message")
      #expect(notification.string("metadata.subscription_version") == "1")
      #expect(notification.keys("payload") == ["subscription", "event"])
      #expect(
        notification.keys("payload.subscription") == [
          "id", "status", "type", "version", "condition", "transport", "created_at", "cost",
        ])
      #expect(notification.string("payload.subscription.id") == subscription.id)
      #expect(notification.string("payload.subscription.status") == "enabled")
      #expect(notification.string("payload.subscription.transport.method") == "websocket")
      #expect(notification.string("payload.subscription.transport.session_id") == sessionID)
      #expect(notification.string("payload.subscription.condition.user_id") == harness.bot.id)
      #expect(notification.int("payload.subscription.cost") == 0)

      let event = try #require(notification.object("payload.event"))
      #expect(event.string("broadcaster_user_login") == "streamer")
      #expect(event.string("chatter_user_id") == harness.viewer.id)
      #expect(event.string("chatter_user_name") == "Viewer32")
      #expect(event.string("message.text") == "hi @WardenBot Kappa cheer100")
      #expect(event.string("color") == "#00FF7F")
      #expect(event.string("message_type") == "text")
      #expect(event.int("cheer.bits") == 100)
      #expect(event.isNull("reply"))
      #expect(event.isNull("channel_points_custom_reward_id"))
      #expect(event.isNull("source_broadcaster_user_id"))
      let fragments = try #require(event["message.fragments"] as? [[String: Any]]).map(JSONObject.init)
      #expect(fragments.map { $0.string("type") } == ["text", "mention", "text", "emote", "text", "cheermote"])
      #expect(fragments.map { $0.keys("") }.allSatisfy { $0 == ["type", "text", "cheermote", "emote", "mention"] })
      #expect(fragments[1].string("mention.user_id") == harness.bot.id)
      #expect(fragments[3].string("emote.id") == "25")
      #expect(fragments[5].int("cheermote.tier") == 100)
      #expect(fragments[0].isNull("emote"))
    }
  }

  @Test func banArrivesAsModerateBanAndClear() async throws {
    try await EventSubHarness.with { harness in
      let (client, sessionID) = try await connect(harness)
      try harness.subscribe(
        "channel.moderate", version: "2", session: sessionID, scopes: ["moderator:manage:banned_users"])
      try harness.subscribe("channel.ban", session: sessionID, as: harness.broadcaster, scopes: ["channel:moderate"])
      try harness.subscribe("channel.chat.clear_user_messages", session: sessionID, scopes: ["user:read:chat"])
      try harness.world.ban(
        channelID: harness.broadcaster.id, userID: harness.viewer.id, moderatorID: harness.moderator.id,
        durationSeconds: nil, reason: "spam")

      var byType: [String: JSONObject] = [:]
      for _ in 0..<3 {
        let notification = try #require(await client.next("notification"))
        byType[notification.string("metadata.subscription_type") ?? ""] = notification.object("payload.event")
      }
      let moderate = try #require(byType["channel.moderate"])
      #expect(moderate.string("action") == "ban")
      #expect(moderate.string("moderator_user_login") == "modmin")
      #expect(moderate.string("ban.user_id") == harness.viewer.id)
      #expect(moderate.string("ban.reason") == "spam")
      #expect(moderate.isNull("source_broadcaster_user_id"))
      for key in EventSubRenderer.moderateActionKeys where key != "ban" {
        #expect(moderate.isNull(key), "\(key) is null")
      }
      let ban = try #require(byType["channel.ban"])
      #expect(ban.string("user_login") == "viewer32")
      #expect(ban["is_permanent"] as? Bool == true)
      #expect(ban.isNull("ends_at"))
      #expect(ban.string("banned_at") != nil)
      let clear = try #require(byType["channel.chat.clear_user_messages"])
      #expect(clear.string("target_user_id") == harness.viewer.id)

      // A timeout, then lifting it: `timeout` then `untimeout` in channel.moderate.
      try harness.world.unban(channelID: harness.broadcaster.id, userID: harness.viewer.id, moderatorID: harness.bot.id)
      try harness.world.ban(
        channelID: harness.broadcaster.id, userID: harness.viewer.id, moderatorID: harness.moderator.id,
        durationSeconds: 600, reason: "calm down")
      try harness.world.unban(channelID: harness.broadcaster.id, userID: harness.viewer.id, moderatorID: harness.bot.id)
      var actions: [String] = []
      var timeoutBan: JSONObject?
      while actions.count < 3, let notification = await client.next("notification") {
        let event = try #require(notification.object("payload.event"))
        switch notification.string("metadata.subscription_type") {
        case "channel.moderate":
          actions.append(event.string("action") ?? "?")
          if event.string("action") == "timeout" {
            #expect(event.string("timeout.reason") == "calm down")
            #expect(event.string("timeout.expires_at") != nil)
          }
        case "channel.ban": timeoutBan = event
        default: break
        }
      }
      #expect(actions == ["unban", "timeout", "untimeout"])
      #expect(timeoutBan?["is_permanent"] as? Bool == false)
      #expect(timeoutBan?.string("ends_at") != nil)
    }
  }

  @Test func revokedTokenRevokesItsSubscriptions() async throws {
    try await EventSubHarness.with { harness in
      let (client, sessionID) = try await connect(harness)
      let token = try harness.token(for: harness.bot, ["user:read:chat"])
      let subscription = try harness.world.createEventSubSubscription(
        type: "channel.chat.message", version: "1",
        condition: ["broadcaster_user_id": harness.broadcaster.id, "user_id": harness.bot.id], sessionID: sessionID,
        token: token)
      harness.world.revoke(accessToken: token.accessToken)

      let revocation = try #require(await client.next("revocation"))
      #expect(revocation.string("metadata.subscription_type") == "channel.chat.message")
      #expect(revocation.string("metadata.subscription_version") == "1")
      #expect(revocation.keys("payload") == ["subscription"])
      #expect(revocation.string("payload.subscription.id") == subscription.id)
      #expect(revocation.string("payload.subscription.status") == "authorization_revoked")
      #expect(revocation.string("payload.subscription.transport.session_id") == sessionID)
      #expect(harness.world.eventSubSubscriptions().isEmpty)
    }
  }

  @Test func duplicateFaultRepeatsNotificationsWithTheSameID() async throws {
    try await EventSubHarness.with { harness in
      let (client, sessionID) = try await connect(harness)
      try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      harness.world.inject(.eventSubDuplicate(count: 1))
      // The fault and the chat go through the same hub, in order.
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "one")
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "two")
      let first = try #require(await client.next("notification"))
      let again = try #require(await client.next("notification"))
      let second = try #require(await client.next("notification"))
      #expect(first.string("metadata.message_id") == again.string("metadata.message_id"))
      #expect(again.string("payload.event.message.text") == "one")
      #expect(second.string("payload.event.message.text") == "two")
      #expect(second.string("metadata.message_id") != first.string("metadata.message_id"))
    }
  }

  @Test func eachSessionGetsOnlyItsOwnSubscriptions() async throws {
    try await EventSubHarness.with { harness in
      let (reader, readerSession) = try await connect(harness)
      let (moderator, moderatorSession) = try await connect(harness)
      try harness.subscribe("channel.chat.message", session: readerSession, scopes: ["user:read:chat"])
      try harness.subscribe(
        "channel.moderate", version: "2", session: moderatorSession, scopes: ["moderator:manage:chat_settings"])
      try harness.world.updateChatSettings(channelID: harness.broadcaster.id, moderatorID: harness.moderator.id) {
        $0.slowModeWaitTime = 30
      }
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "hello")
      let slow = try #require(await moderator.next("notification"))
      #expect(slow.string("payload.event.action") == "slow")
      #expect(slow.int("payload.event.slow.wait_time_seconds") == 30)
      let chat = try #require(await reader.next("notification"))
      #expect(chat.string("metadata.subscription_type") == "channel.chat.message")
      #expect(reader.all.filter { $0.messageType == "notification" }.count == 1)
    }
  }
}
