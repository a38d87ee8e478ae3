import Foundation
import Testing
import TwitchSimCore
import WardenHelix
import WardenTestSupport

/// Every endpoint reaches the simulator and lands in its actions log.
@Suite struct HelixEndpointTests {
  /// A moderator signed in through a token manager, and a Helix client over it.
  private func signedIn(_ sim: SimFixture, _ temp: borrowing TemporaryDirectory) async throws -> HelixClient {
    let manager = sim.manager(directory: temp.path)
    try await manager.install(try sim.mint())
    return sim.helix(tokens: manager)
  }

  @Test func usersAreLookedUpInBatchesOfAHundred() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let helix = try await signedIn(sim, temp)
      var ids: [String] = []
      for index in 0..<160 { ids.append(try sim.world.createUser(login: "crowd_\(index)").id) }
      let found = try await helix.users(logins: ["streamer", "nobody_here"], ids: ids)
      #expect(found.count == 161)
      #expect(Set(found.map(\.id)) == Set(ids + [sim.streamer.id]))
      let streamer = try #require(found.first { $0.login == "streamer" })
      #expect(streamer.displayName == "Streamer")
      #expect(streamer.createdAt != nil)
      let me = try await helix.users()
      #expect(me.map(\.login) == ["moddy"])
    }
  }

  @Test func banAndTimeoutAreRecordedWithTheirParameters() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let helix = try await signedIn(sim, temp)
      let ban = try await helix.banUser(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id, reason: "spam")
      #expect(ban.userID == sim.troll.id && ban.endTime == nil)
      let timeout = try await helix.banUser(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.viewer.id, durationSeconds: 600)
      let end = try #require(timeout.endTime)
      #expect(end.timeIntervalSinceNow > 500)
      let banned = try #require(sim.actions("ban").first)
      #expect(banned.params["user_id"]?.stringValue == sim.troll.id)
      #expect(banned.params["reason"]?.stringValue == "spam")
      #expect(banned.actorID == sim.moderator.id && banned.via == "helix")
      #expect(sim.actions("timeout").first?.params["duration"]?.intValue == 600)

      try await helix.unbanUser(broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id)
      #expect(sim.actions("unban").first?.params["user_id"]?.stringValue == sim.troll.id)
    }
  }

  @Test func messagesAreDeletedOneByOneOrAllAtOnce() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let helix = try await signedIn(sim, temp)
      let result = try sim.world.sendChat(channelID: sim.streamer.id, userID: sim.viewer.id, text: "hi")
      guard case .sent(let message) = result else {
        Issue.record("not sent")
        return
      }
      try await helix.deleteChatMessages(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, messageID: message.id)
      #expect(sim.actions("delete_message").first?.params["message_id"]?.stringValue == message.id)
      try await helix.deleteChatMessages(broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, messageID: nil)
      #expect(sim.actions("clear_chat").count == 1)
    }
  }

  @Test func warningsShieldModeAndChatSettings() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let helix = try await signedIn(sim, temp)
      try await helix.warnUser(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id, reason: "be nice")
      #expect(sim.actions("warn").first?.params["reason"]?.stringValue == "be nice")

      let shield = try await helix.updateShieldMode(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, active: true)
      #expect(shield.isActive)
      #expect(sim.actions("shield_mode").first?.params["is_active"]?.boolValue == true)

      let settings = try await helix.updateChatSettings(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id,
        patch: ChatSettingsPatch(slowMode: true, slowModeWaitTime: 10, followerMode: true, followerModeDuration: 30))
      #expect(settings.slowModeWaitTime == 10 && settings.followerModeDuration == 30)
      #expect(!settings.subscriberMode && !settings.emoteMode && !settings.uniqueChatMode)
      let recorded = try #require(sim.actions("chat_settings").first)
      #expect(
        recorded.params.keys.sorted() == [
          "follower_mode", "follower_mode_duration", "slow_mode", "slow_mode_wait_time",
        ])
      let off = try await helix.updateChatSettings(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id,
        patch: ChatSettingsPatch(slowMode: false, subscriberMode: true, emoteMode: true, uniqueChatMode: true))
      #expect(!off.slowMode && off.followerMode && off.subscriberMode && off.emoteMode && off.uniqueChatMode)
    }
  }

  @Test func chatMessagesAreSentOrDroppedWithAReason() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let helix = try await signedIn(sim, temp)
      let sent = try await helix.sendChatMessage(
        broadcasterID: sim.streamer.id, senderID: sim.moderator.id, message: "Welcome!")
      #expect(sent.isSent && sent.messageID != nil && sent.dropReason == nil)
      let reply = try await helix.sendChatMessage(
        broadcasterID: sim.streamer.id, senderID: sim.moderator.id, message: "indeed",
        replyParentMessageID: sent.messageID)
      #expect(reply.isSent)
      let recorded = sim.actions("send_message")
      #expect(recorded.map { $0.params["message"]?.stringValue } == ["Welcome!", "indeed"])
      #expect(recorded.last?.params["reply_parent_message_id"]?.stringValue == sent.messageID)

      try sim.world.configureChannel(sim.streamer.id) { $0.automodTerms = ["badword"] }
      try sim.world.setRole(.moderator, false, userID: sim.moderator.id, in: sim.streamer.id)
      let held = try await helix.sendChatMessage(
        broadcasterID: sim.streamer.id, senderID: sim.moderator.id, message: "a badword here")
      #expect(!held.isSent && held.messageID == nil)
      #expect(held.dropReason?.code == "msg_rejected")
    }
  }

  @Test func eventSubSubscriptionsAreCreatedAndDeleted() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let helix = try await signedIn(sim, temp)
      sim.world.openEventSubSession("session-1", connectedAt: Date())
      let created = try await helix.createEventSubSubscription(
        type: "channel.chat.message", version: "1",
        condition: ["broadcaster_user_id": sim.streamer.id, "user_id": sim.moderator.id], sessionID: "session-1")
      #expect(created.status == "enabled" && created.type == "channel.chat.message" && created.cost == 0)
      #expect(created.maxTotalCost == 10)
      #expect(sim.actions("eventsub_subscribe").first?.params["session_id"]?.stringValue == "session-1")
      try await helix.deleteEventSubSubscription(id: created.id)
      #expect(sim.actions("eventsub_unsubscribe").first?.params["id"]?.stringValue == created.id)
    }
  }

  @Test func liveStreamsAreFound() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let helix = try await signedIn(sim, temp)
      try sim.world.goLive(channelID: sim.streamer.id, title: "Day 3", gameName: "Hades II", viewers: 42)
      let streams = try await helix.streams(userIDs: [sim.streamer.id, sim.viewer.id])
      let stream = try #require(streams.first)
      #expect(streams.count == 1)
      #expect(stream.userLogin == "streamer" && stream.title == "Day 3" && stream.viewerCount == 42)
      #expect(stream.startedAt != nil)
      #expect(try await helix.streams(userIDs: []).isEmpty)
    }
  }
}
