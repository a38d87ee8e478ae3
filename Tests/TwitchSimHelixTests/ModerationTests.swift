import Foundation
import Testing
import TwitchSimCore

/// Bans, timeouts, deletions, warnings, shield mode, AutoMod and the actions log.
@Suite struct ModerationTests {
  @Test func banTimeoutUnbanAndList() async throws {
    try await HelixHarness.run { sim in
      let query = "broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)"
      let ban = try await sim.helix(
        "POST", "moderation/bans?" + query, json: ["data": ["user_id": .string(sim.viewer.id), "reason": "spam"]])
      #expect(ban.status == 200)
      let item = try #require(ban.item())
      #expect(item["broadcaster_id"] == .string(sim.broadcaster.id))
      #expect(item["moderator_id"] == .string(sim.moderator.id))
      #expect(item["user_id"] == .string(sim.viewer.id))
      #expect(item["end_time"] == .null)
      #expect(item["created_at"]?.stringValue != nil)

      let again = try await sim.helix(
        "POST", "moderation/bans?" + query, json: ["data": ["user_id": .string(sim.viewer.id)]])
      #expect(again.status == 400)
      #expect(again.message == "The user specified in the user_id field is already banned.")

      let banned = try await sim.helix("GET", "moderation/banned?broadcaster_id=\(sim.broadcaster.id)")
      let entry = try #require(banned.item())
      #expect(entry["user_login"] == "viewer")
      #expect(entry["moderator_login"] == "moddy")
      #expect(entry["reason"] == "spam")
      #expect(entry["expires_at"] == "")

      #expect(try await sim.helix("DELETE", "moderation/bans?\(query)&user_id=\(sim.viewer.id)").status == 204)
      let notBanned = try await sim.helix("DELETE", "moderation/bans?\(query)&user_id=\(sim.viewer.id)")
      #expect(notBanned.status == 400)

      let timeout = try await sim.helix(
        "POST", "moderation/bans?" + query, json: ["data": ["user_id": .string(sim.viewer.id), "duration": 600]])
      let end = try #require(timeout.item()?["end_time"]?.stringValue)
      #expect(try Date(end, strategy: .iso8601) > Date())
      let tooLong = try await sim.helix(
        "POST", "moderation/bans?" + query, json: ["data": ["user_id": .string(sim.viewer.id), "duration": 1_209_601]])
      #expect(tooLong.status == 400)
      let broadcaster = try await sim.helix(
        "POST", "moderation/bans?" + query, json: ["data": ["user_id": .string(sim.broadcaster.id)]])
      #expect(broadcaster.status == 400)

      let log = sim.world.actions().filter { $0.via == "helix" }
      #expect(log.map(\.kind) == ["ban", "unban", "timeout"])
      #expect(log[0].params == ["user_id": .string(sim.viewer.id), "reason": "spam"])
      #expect(log[0].channelID == sim.broadcaster.id)
      #expect(log[0].actorID == sim.moderator.id)
      #expect(log[0].clientID == HelixHarness.publicClient)
      #expect(log[2].params["duration"] == 600)
    }
  }

  @Test func deletesAMessageOrClearsTheChat() async throws {
    try await HelixHarness.run { sim in
      guard
        case .sent(let message) = try sim.world.sendChat(
          channelID: sim.broadcaster.id, userID: sim.viewer.id, text: "hi")
      else { throw HarnessError("not sent") }
      let query = "moderation/chat?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)"
      #expect(try await sim.helix("DELETE", query + "&message_id=\(message.id)").status == 204)
      #expect(sim.world.message(message.id, in: sim.broadcaster.id)?.deleted == true)
      #expect(try await sim.helix("DELETE", query + "&message_id=\(message.id)").status == 404)
      #expect(try await sim.helix("DELETE", query).status == 204)
      #expect(sim.world.actions().map(\.kind) == ["delete_message", "clear_chat"])
      #expect(sim.world.actions()[0].params == ["message_id": .string(message.id)])
    }
  }

  @Test func warnsAUser() async throws {
    try await HelixHarness.run { sim in
      let path = "moderation/warnings?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)"
      let reply = try await sim.helix(
        "POST", path, json: ["data": ["user_id": .string(sim.viewer.id), "reason": "be nice"]])
      #expect(reply.status == 200)
      #expect(
        reply.item()
          == [
            "broadcaster_id": .string(sim.broadcaster.id), "user_id": .string(sim.viewer.id),
            "moderator_id": .string(sim.moderator.id), "reason": "be nice",
          ])
      #expect(try await sim.helix("POST", path, json: ["data": ["user_id": .string(sim.viewer.id)]]).status == 400)
      #expect(sim.world.actions(kind: "warn").first?.params["reason"] == "be nice")
    }
  }

  @Test func shieldModeRemembersWhoActivatedIt() async throws {
    try await HelixHarness.run { sim in
      let path = "moderation/shield_mode?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)"
      let off = try #require(try await sim.helix("GET", path).item())
      #expect(off["is_active"] == false)
      #expect(off["last_activated_at"] == "")
      let on = try #require(try await sim.helix("PUT", path, json: ["is_active": true]).item())
      #expect(on["is_active"] == true)
      #expect(on["moderator_login"] == "moddy")
      #expect(on["last_activated_at"]?.stringValue?.isEmpty == false)
      #expect(sim.world.channel(sim.broadcaster.id)?.shieldMode == true)
      #expect(try await sim.helix("PUT", path, json: ["is_active": "yes"]).status == 400)
    }
  }

  @Test func chatSettingsReadAndPatch() async throws {
    try await HelixHarness.run { sim in
      let b = sim.broadcaster.id
      let plain = try #require(try await sim.helix("GET", "chat/settings?broadcaster_id=\(b)").item())
      #expect(plain["slow_mode"] == false)
      #expect(plain["slow_mode_wait_time"] == .null)
      #expect(plain["moderator_id"] == nil)
      let path = "chat/settings?broadcaster_id=\(b)&moderator_id=\(sim.moderator.id)"
      let patched = try await sim.helix("PATCH", path, json: ["slow_mode": true, "follower_mode_duration": 10])
      let settings = try #require(patched.item())
      #expect(settings["slow_mode"] == true)
      #expect(settings["slow_mode_wait_time"] == 30)
      #expect(settings["follower_mode"] == true)
      #expect(settings["follower_mode_duration"] == 10)
      #expect(settings["non_moderator_chat_delay"] == false)
      #expect(settings["moderator_id"] == .string(sim.moderator.id))
      #expect(sim.world.channel(b)?.settings.slowModeWaitTime == 30)
      #expect(try await sim.helix("PATCH", path, json: ["slow_mode_wait_time": 2]).status == 400)
      #expect(try await sim.helix("PATCH", path, json: ["non_moderator_chat_delay_duration": 3]).status == 400)
      let read = try #require(try await sim.helix("GET", path).item())
      #expect(read["slow_mode_wait_time"] == 30)
      #expect(read["non_moderator_chat_delay_duration"] == .null)
      #expect(
        sim.world.actions(kind: "chat_settings").first?.params == ["slow_mode": true, "follower_mode_duration": 10])
    }
  }

  @Test func approvesAndDeniesHeldMessages() async throws {
    try await HelixHarness.run { sim in
      try sim.world.configureChannel(sim.broadcaster.id) { $0.automodTerms = ["badword"] }
      var held: [String] = []
      for text in ["a badword", "another badword"] {
        guard
          case .held(let message) = try sim.world.sendChat(
            channelID: sim.broadcaster.id, userID: sim.viewer.id, text: text)
        else { throw HarnessError("not held") }
        held.append(message.id)
      }
      let me = sim.moderator.id
      let allow = try await sim.helix(
        "POST", "moderation/automod/message",
        json: ["user_id": .string(me), "msg_id": .string(held[0]), "action": "ALLOW"])
      #expect(allow.status == 204)
      #expect(sim.world.message(held[0], in: sim.broadcaster.id)?.text == "a badword")
      let again = try await sim.helix(
        "POST", "moderation/automod/message",
        json: ["user_id": .string(me), "msg_id": .string(held[0]), "action": "DENY"])
      #expect(again.status == 400)
      let deny = try await sim.helix(
        "POST", "moderation/automod/message",
        json: ["user_id": .string(me), "msg_id": .string(held[1]), "action": "DENY"])
      #expect(deny.status == 204)
      let unknown = try await sim.helix(
        "POST", "moderation/automod/message", json: ["user_id": .string(me), "msg_id": "nope", "action": "DENY"])
      #expect(unknown.status == 404)
      let bad = try await sim.helix(
        "POST", "moderation/automod/message",
        json: ["user_id": .string(me), "msg_id": .string(held[1]), "action": "MAYBE"])
      #expect(bad.status == 400)
      #expect(sim.world.actions().map(\.kind) == ["automod_approve", "automod_deny"])
    }
  }

  @Test func blockedTermsAddListRemove() async throws {
    try await HelixHarness.run { sim in
      let path = "moderation/blocked_terms?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)"
      let added = try #require(try await sim.helix("POST", path, json: ["text": "forbidden"]).item())
      #expect(added["text"] == "forbidden")
      #expect(added["moderator_id"] == .string(sim.moderator.id))
      #expect(added["expires_at"] == .null)
      let id = try #require(added["id"]?.stringValue)
      #expect(try await sim.helix("POST", path, json: ["text": "x"]).status == 400)
      #expect(try await sim.helix("GET", path).json["data"]?.arrayValue?.count == 1)
      #expect(try await sim.helix("DELETE", path + "&id=\(id)").status == 204)
      #expect(try await sim.helix("GET", path).json["data"] == [])
      #expect(sim.world.actions().map(\.kind) == ["add_blocked_term", "remove_blocked_term"])
    }
  }
}
