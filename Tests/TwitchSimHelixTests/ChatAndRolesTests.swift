import Foundation
import Testing
import TwitchSimCore

/// `chat/messages`, `chat/announcements`, moderators, VIPs and moderated channels.
@Suite struct ChatAndRolesTests {
  @Test func sendsHoldsAndDropsMessages() async throws {
    try await HelixHarness.run { sim in
      let b = sim.broadcaster.id
      let viewerToken = try sim.world.mintToken(
        clientID: HelixHarness.publicClient, userID: sim.viewer.id, scopes: ["user:write:chat"])
      func send(_ text: String, as token: SimToken? = nil, sender: String? = nil) async throws -> Reply {
        try await sim.helix(
          "POST", "chat/messages", token: token ?? viewerToken,
          json: [
            "broadcaster_id": .string(b), "sender_id": .string(sender ?? (token ?? viewerToken).userID ?? ""),
            "message": .string(text),
          ])
      }
      let sent = try #require(try await send("hello").item())
      #expect(sent["is_sent"] == true)
      #expect(sent["drop_reason"] == .null)
      let id = try #require(sent["message_id"]?.stringValue)
      #expect(sim.world.message(id, in: b)?.text == "hello")

      try sim.world.configureChannel(b) { $0.automodTerms = ["badword"] }
      let held = try #require(try await send("badword here").item())
      #expect(held["is_sent"] == false)
      #expect(held["message_id"] == "")
      #expect(held["drop_reason"]?["code"] == "msg_rejected")

      try sim.world.ban(channelID: b, userID: sim.viewer.id, moderatorID: b, durationSeconds: nil, reason: "")
      let banned = try #require(try await send("let me in").item())
      #expect(banned["is_sent"] == false)
      #expect(banned["drop_reason"]?["code"] == "msg_banned")

      #expect(try await send("as someone else", sender: b).status == 401)
      #expect(try await send(String(repeating: "a", count: 501), as: sim.moderatorToken).status == 422)
      #expect(sim.world.actions(kind: "send_message").map { $0.params["is_sent"] } == [true, false, false])
    }
  }

  @Test func announces() async throws {
    try await HelixHarness.run { sim throws in
      let (id, events) = sim.world.hub.subscribe()
      defer { sim.world.hub.cancel(id) }
      let path = "chat/announcements?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)"
      #expect(try await sim.helix("POST", path, json: ["message": "Hi all", "color": "purple"]).status == 204)
      #expect(try await sim.helix("POST", path, json: ["message": "Hi", "color": "pink"]).status == 400)
      for await event in events {
        guard case .userNotice(let notice) = event else { continue }
        #expect(notice.kind == "announcement")
        #expect(notice.text == "Hi all")
        #expect(notice.params["color"] == "PURPLE")
        break
      }
      #expect(sim.world.actions(kind: "announcement").first?.params == ["message": "Hi all", "color": "purple"])
    }
  }

  @Test func broadcasterManagesModeratorsAndVIPs() async throws {
    try await HelixHarness.run { sim in
      let b = sim.broadcaster.id
      let token = sim.broadcasterToken
      let viewer = "broadcaster_id=\(b)&user_id=\(sim.viewer.id)"
      #expect(try await sim.helix("POST", "moderation/moderators?" + viewer, token: token).status == 204)
      #expect(try await sim.helix("POST", "moderation/moderators?" + viewer, token: token).status == 400)
      #expect(try await sim.helix("POST", "channels/vips?" + viewer, token: token).status == 422)
      let mods = try await sim.helix("GET", "moderation/moderators?broadcaster_id=\(b)", token: token)
      #expect(mods.json["data"]?.arrayValue?.compactMap { $0["user_login"]?.stringValue } == ["moddy", "viewer"])
      #expect(try await sim.helix("DELETE", "moderation/moderators?" + viewer, token: token).status == 204)
      #expect(try await sim.helix("POST", "channels/vips?" + viewer, token: token).status == 204)
      let vips = try await sim.helix("GET", "channels/vips?broadcaster_id=\(b)", token: token)
      #expect(vips.item() == ["user_id": .string(sim.viewer.id), "user_login": "viewer", "user_name": "Viewer"])
      #expect(try await sim.helix("DELETE", "channels/vips?" + viewer, token: token).status == 204)
      #expect(try await sim.helix("DELETE", "channels/vips?" + viewer, token: token).status == 422)
      // A moderator is not the broadcaster.
      #expect(try await sim.helix("GET", "moderation/moderators?broadcaster_id=\(b)").status == 401)
      #expect(
        sim.world.actions().map(\.kind) == ["add_moderator", "remove_moderator", "add_vip", "remove_vip"])
    }
  }

  @Test func listsModeratedChannels() async throws {
    try await HelixHarness.run { sim in
      let other = try sim.world.createUser(login: "another")
      try sim.world.openChannel(broadcasterID: other.id)
      try sim.world.setRole(.moderator, true, userID: sim.moderator.id, in: other.id)
      let reply = try await sim.helix("GET", "moderation/channels?user_id=\(sim.moderator.id)&first=1")
      #expect(
        reply.item() == [
          "broadcaster_id": .string(other.id), "broadcaster_login": "another", "broadcaster_name": "another",
        ])
      let cursor = try #require(reply.json["pagination"]?["cursor"]?.stringValue)
      let next = try await sim.helix("GET", "moderation/channels?user_id=\(sim.moderator.id)&after=\(cursor)")
      #expect(next.item()?["broadcaster_login"] == "streamer")
      #expect(next.json["pagination"] == [:])
      #expect(try await sim.helix("GET", "moderation/channels?user_id=\(sim.viewer.id)").status == 401)
    }
  }
}
