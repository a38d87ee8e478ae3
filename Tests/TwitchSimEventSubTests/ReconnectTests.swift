import Foundation
import Testing
import TwitchSimCore
import WardenTestSupport

@testable import TwitchSimEventSub

/// `session_reconnect`: moving to the reconnect URL keeps the session id (as Twitch does) and
/// loses or repeats no notification; the single use of that URL (4007) and the grace period
/// (4004) on the old connection, which never ends the session it handed over.
@Suite struct ReconnectTests {
  @Test func handoverKeepsTheSessionIDAndLosesNothing() async throws {
    try await EventSubHarness.with { harness in
      let old = TestClient(harness.url + "?keepalive_timeout_seconds=20")
      let welcome = try #require(await old.next())
      let sessionID = try #require(welcome.string("payload.session.id"))
      let subscription = try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])

      harness.world.inject(.eventSubReconnect)
      let reconnect = try #require(await old.next("session_reconnect"))
      #expect(
        reconnect.keys("payload.session") == [
          "id", "status", "connected_at", "keepalive_timeout_seconds", "reconnect_url", "recovery_url",
        ])
      #expect(reconnect.string("payload.session.id") == sessionID)
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
      // Twitch keeps the session id across a reconnect it asked for.
      #expect(newWelcome.string("payload.session.id") == sessionID)
      #expect(newWelcome.string("payload.session.status") == "connected")
      #expect(newWelcome.int("payload.session.keepalive_timeout_seconds") == 20)
      #expect(newWelcome.isNull("payload.session.reconnect_url"))
      // The subscription stays on the session, same id; nothing had to move.
      #expect(harness.world.eventSubSubscriptions(session: sessionID).map(\.id) == [subscription.id])
      #expect(harness.server.sessionCount == 2)

      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "after")
      let after = try #require(await new.next("notification"))
      #expect(after.string("payload.event.message.text") == "after")
      #expect(after.string("payload.subscription.id") == subscription.id)
      #expect(after.string("payload.subscription.transport.session_id") == sessionID)

      old.close()
      #expect(await old.closeCode() == 1000)
      // Only "before" went to the old connection; "after" went to the new one alone.
      #expect(old.all.filter { $0.messageType == "notification" }.count == 1)
      #expect(await eventually { harness.server.sessionCount == 1 })
      // The old connection ending did not end the session nor take its subscription.
      #expect(harness.world.eventSubSubscriptions(session: sessionID).map(\.id) == [subscription.id])
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "later")
      #expect(await new.next("notification")?.string("payload.event.message.text") == "later")
      #expect(new.all.filter { $0.messageType == "notification" }.count == 2)

      // A reconnect URL works once.
      let again = TestClient(url)
      #expect(await again.closeCode() == 4007)
      #expect(again.all.isEmpty)

      // A fresh connection still gets a fresh session id.
      let fresh = TestClient(harness.url)
      let freshID = try #require(await fresh.next()?.string("payload.session.id"))
      #expect(freshID != sessionID)
      fresh.close()
      #expect(await fresh.closeCode() == 1000)

      // The connection that holds the session ends it: its subscriptions are gone.
      new.close()
      #expect(await new.closeCode() == 1000)
      #expect(await eventually { harness.server.sessionCount == 0 })
      #expect(harness.world.eventSubSubscriptions(session: sessionID).isEmpty)
    }
  }

  /// Notifications published while the client moves arrive once each: on the old connection
  /// before the new one is welcomed, on the new one after, never on both.
  @Test func notificationsDuringTheHandoverArriveExactlyOnce() async throws {
    try await EventSubHarness.with { harness in
      let old = TestClient(harness.url)
      let sessionID = try #require(await old.next()?.string("payload.session.id"))
      try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      harness.world.inject(.eventSubReconnect)
      let url = try #require(await old.next("session_reconnect")?.string("payload.session.reconnect_url"))

      let texts = (0..<40).map { "m\($0)" }
      let world = harness.world
      let channelID = harness.broadcaster.id
      let userID = harness.viewer.id
      func notes(_ client: TestClient) -> [String] {
        client.all.filter { $0.messageType == "notification" }.compactMap { $0.string("payload.event.message.text") }
      }
      let sender = Task {
        for text in texts {
          _ = try? world.sendChat(channelID: channelID, userID: userID, text: text)
          try? await Task.sleep(for: .milliseconds(5))
        }
      }
      // Move while chat is flowing, once some of it has reached the old connection.
      #expect(await eventually { notes(old).count >= 5 })
      let new = TestClient(url)
      #expect(await new.next()?.string("payload.session.id") == sessionID)
      await sender.value

      #expect(await eventually { notes(old).count + notes(new).count >= texts.count })
      // Give a duplicate the chance to show up before counting.
      try await Task.sleep(for: .milliseconds(300))
      let onOld = notes(old)
      let onNew = notes(new)
      #expect(onOld + onNew == texts, "each once, in order, the old connection's before the new one's")
      #expect(Set(onOld).isDisjoint(with: onNew))
      #expect(!onNew.isEmpty)
      old.close()
      new.close()
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
      let sessionID = try #require(await old.next()?.string("payload.session.id"))
      try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      harness.world.inject(.eventSubReconnect)
      let url = try #require(await old.next("session_reconnect")?.string("payload.session.reconnect_url"))
      let new = TestClient(url)
      #expect(await new.next()?.string("payload.session.id") == sessionID)
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "moved")
      #expect(await new.next("notification")?.string("payload.event.message.text") == "moved")
      #expect(await old.closeCode() == 4004)
      #expect(await eventually { harness.server.sessionCount == 1 })
      // The old connection's 4004 left the session, now the new connection's, alone.
      #expect(harness.world.eventSubSubscriptions(session: sessionID).count == 1)
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "still here")
      #expect(await new.next("notification")?.string("payload.event.message.text") == "still here")
      #expect(old.all.filter { $0.messageType == "notification" }.isEmpty)
      #expect(new.all.filter { $0.messageType == "notification" }.count == 2)
    }
  }

  @Test func theNewConnectionEndingEndsTheSessionWhileTheOldWaitsFor4004() async throws {
    try await EventSubHarness.with {
      $0.reconnectGraceSeconds = 1.5
    } _: { harness in
      let old = TestClient(harness.url)
      let sessionID = try #require(await old.next()?.string("payload.session.id"))
      try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      harness.world.inject(.eventSubReconnect)
      let url = try #require(await old.next("session_reconnect")?.string("payload.session.reconnect_url"))
      let new = TestClient(url)
      #expect(await new.next()?.string("payload.session.id") == sessionID)
      new.close()
      #expect(await new.closeCode() == 1000)
      #expect(await eventually { harness.world.eventSubSubscriptions(session: sessionID).isEmpty })
      #expect(harness.server.sessionCount == 1)
      // The replaced connection does not get the session back.
      try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "nobody")
      #expect(await old.closeCode() == 4004)
      #expect(old.all.filter { $0.messageType == "notification" }.isEmpty)
      #expect(await eventually { harness.server.sessionCount == 0 })
    }
  }
}
