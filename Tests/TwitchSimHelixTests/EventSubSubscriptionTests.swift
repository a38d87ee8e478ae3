import Foundation
import Testing
import TwitchSimCore

/// `eventsub/subscriptions` for WebSocket sessions.
@Suite struct EventSubSubscriptionTests {
  @Test func createsListsAndDeletesSubscriptions() async throws {
    try await HelixHarness.run { sim in
      let connected = Date()
      sim.world.openEventSubSession("session-1", connectedAt: connected)
      let condition: JSONParam = [
        "broadcaster_user_id": .string(sim.broadcaster.id), "moderator_user_id": .string(sim.moderator.id),
      ]
      let body: JSONParam = [
        "type": "channel.moderate", "version": "2", "condition": condition,
        "transport": ["method": "websocket", "session_id": "session-1"],
      ]
      let created = try await sim.helix("POST", "eventsub/subscriptions", json: body)
      #expect(created.status == 202)
      let subscription = try #require(created.item())
      #expect(subscription["status"] == "enabled")
      #expect(subscription["type"] == "channel.moderate")
      #expect(subscription["version"] == "2")
      #expect(subscription["condition"] == condition)
      #expect(subscription["cost"] == 0)
      #expect(subscription["transport"]?["method"] == "websocket")
      #expect(subscription["transport"]?["session_id"] == "session-1")
      #expect(subscription["transport"]?["connected_at"]?.stringValue != nil)
      #expect(created.json["total"] == 1)
      #expect(created.json["total_cost"] == 0)
      #expect(created.json["max_total_cost"] == 10)
      let id = try #require(subscription["id"]?.stringValue)

      #expect(try await sim.helix("POST", "eventsub/subscriptions", json: body).status == 409)
      var badSession = body
      badSession = [
        "type": "channel.moderate", "version": "2", "condition": condition,
        "transport": ["method": "websocket", "session_id": "nope"],
      ]
      #expect(try await sim.helix("POST", "eventsub/subscriptions", json: badSession).status == 400)

      let listed = try await sim.helix("GET", "eventsub/subscriptions")
      #expect(listed.json["data"]?.arrayValue?.count == 1)
      #expect(listed.json["pagination"] == [:])
      #expect(try await sim.helix("GET", "eventsub/subscriptions?type=channel.ban").json["data"] == [])
      #expect(try await sim.helix("DELETE", "eventsub/subscriptions?id=\(id)").status == 204)
      #expect(try await sim.helix("DELETE", "eventsub/subscriptions?id=\(id)").status == 404)
      #expect(sim.world.actions().map(\.kind) == ["eventsub_subscribe", "eventsub_unsubscribe"])
    }
  }

  @Test func refusesOtherTransports() async throws {
    try await HelixHarness.run { sim throws in
      let body: JSONParam = [
        "type": "stream.online", "version": "1", "condition": ["broadcaster_user_id": .string(sim.broadcaster.id)],
        "transport": ["method": "webhook", "callback": "https://example.invalid/cb", "secret": "0123456789"],
      ]
      #expect(try await sim.helix("POST", "eventsub/subscriptions", json: body).status == 400)
    }
  }
}
