import Foundation
import Testing
import TwitchSimCore
import WardenTestSupport

@testable import TwitchSimEventSub

/// `session_reconnect`: moving to the reconnect URL without losing a notification, the single
/// use of that URL (4007) and the grace period (4004).
@Suite struct ReconnectTests {
  @Test func handoverLosesNothing() async throws {
    try await EventSubHarness.with { harness in
      let old = TestClient(harness.url + "?keepalive_timeout_seconds=20")
      let welcome = try #require(await old.next())
      let oldID = try #require(welcome.string("payload.session.id"))
      let subscription = try harness.subscribe("channel.chat.message", session: oldID, scopes: ["user:read:chat"])

      harness.world.inject(.eventSubReconnect)
      let reconnect = try #require(await old.next("session_reconnect"))
      #expect(
        reconnect.keys("payload.session") == [
          "id", "status", "connected_at", "keepalive_timeout_seconds", "reconnect_url", "recovery_url",
        ])
      #expect(reconnect.string("payload.session.id") == oldID)
      #expect(reconnect.string("payload.session.status") == "reconnecting")
      #expect(reconnect.isNull("payload.session.keepalive_timeout_seconds"))
      #expect(reconnect.string("payload.session.connected_at") == welcome.string("payload.session.connected_at"))
      let url = try #require(reconnect.string("payload.session.reconnect_url"))
      #expect(url.hasPrefix(harness.url + "?reconnect_id="))

      // Until the client moves, the old connection still delivers.
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "before")
      #expect(await old.next("notification")?.string("payload.event.message.text") == "before")

      let new = TestClient(url)
      let newWelcome = try #require(await new.next())
      #expect(newWelcome.messageType == "session_welcome")
      let newID = try #require(newWelcome.string("payload.session.id"))
      #expect(newID != oldID)
      #expect(newWelcome.int("payload.session.keepalive_timeout_seconds") == 20)
      #expect(newWelcome.isNull("payload.session.reconnect_url"))
      // The subscription moved with the client, same id.
      #expect(harness.world.eventSubSubscriptions(session: newID).map(\.id) == [subscription.id])

      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "after")
      let after = try #require(await new.next("notification"))
      #expect(after.string("payload.event.message.text") == "after")
      #expect(after.string("payload.subscription.transport.session_id") == newID)

      old.close()
      #expect(await old.closeCode() == 1000)
      #expect(old.all.filter { $0.messageType == "notification" }.count == 1)
      #expect(await eventually { harness.server.sessionCount == 1 })
      // Closing the old connection did not take the moved subscription with it.
      #expect(harness.world.eventSubSubscriptions(session: newID).count == 1)
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "later")
      #expect(await new.next("notification")?.string("payload.event.message.text") == "later")

      // A reconnect URL works once.
      let again = TestClient(url)
      #expect(await again.closeCode() == 4007)
      #expect(again.all.isEmpty)
    }
  }

  @Test func aMadeUpReconnectURLIsRefusedWith4007() async throws {
    try await EventSubHarness.with { harness in
      let client = TestClient(harness.url + "?reconnect_id=nonsense")
      #expect(await client.closeCode() == 4007)
      #expect(client.all.isEmpty)
    }
  }

  @Test func aClientThatDoesNotMoveIsClosedWith4004() async throws {
    try await EventSubHarness.with {
      $0.reconnectGraceSeconds = 0.5
    } _: { harness in
      let client = TestClient(harness.url)
      let sessionID = try #require(await client.next()?.string("payload.session.id"))
      try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      harness.world.inject(.eventSubReconnect)
      let url = try #require(await client.next("session_reconnect")?.string("payload.session.reconnect_url"))
      #expect(await client.closeCode() == 4004)
      #expect(await eventually { harness.world.eventSubSubscriptions().isEmpty })
      // The URL died with the session.
      #expect(await TestClient(url).closeCode() == 4007)
    }
  }

  @Test func aClientThatMovesButKeepsTheOldSocketGets4004There() async throws {
    try await EventSubHarness.with {
      $0.reconnectGraceSeconds = 1
    } _: { harness in
      let old = TestClient(harness.url)
      let oldID = try #require(await old.next()?.string("payload.session.id"))
      try harness.subscribe("channel.chat.message", session: oldID, scopes: ["user:read:chat"])
      harness.world.inject(.eventSubReconnect)
      let url = try #require(await old.next("session_reconnect")?.string("payload.session.reconnect_url"))
      let new = TestClient(url)
      let newID = try #require(await new.next()?.string("payload.session.id"))
      #expect(await old.closeCode() == 4004)
      #expect(harness.world.eventSubSubscriptions(session: newID).count == 1)
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "still here")
      #expect(await new.next("notification")?.string("payload.event.message.text") == "still here")
    }
  }
}
