import Foundation
import Testing
import TwitchSimCore
import WardenTestSupport

@testable import TwitchSimEventSub

/// The session lifecycle over a real socket: welcome, keepalive, and Twitch's close codes.
@Suite struct ConnectionTests {
  /// Twitch's timestamps: RFC 3339, UTC, nanoseconds.
  static func isTimestamp(_ text: String?) -> Bool {
    guard let text, let pattern = try? Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$"#) else { return false }
    return (try? pattern.wholeMatch(in: text)) != nil
  }

  @Test func welcomeHasTwitchsShape() async throws {
    try await EventSubHarness.with { harness in
      let client = TestClient(harness.url + "?keepalive_timeout_seconds=10")
      let welcome = try #require(await client.next())
      #expect(welcome.messageType == "session_welcome")
      #expect(welcome.keys("") == ["metadata", "payload"])
      #expect(welcome.keys("metadata") == ["message_id", "message_type", "message_timestamp"])
      #expect(
        welcome.keys("payload.session") == [
          "id", "status", "connected_at", "keepalive_timeout_seconds", "reconnect_url", "recovery_url",
        ])
      #expect(welcome.string("payload.session.status") == "connected")
      #expect(welcome.int("payload.session.keepalive_timeout_seconds") == 10)
      #expect(welcome.isNull("payload.session.reconnect_url"))
      #expect(welcome.isNull("payload.session.recovery_url"))
      #expect(Self.isTimestamp(welcome.string("metadata.message_timestamp")))
      #expect(Self.isTimestamp(welcome.string("payload.session.connected_at")))
      #expect(UUID(uuidString: welcome.string("metadata.message_id") ?? "") != nil)

      // The world knows the session: Helix can create subscriptions on it.
      let sessionID = try #require(welcome.string("payload.session.id"))
      try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      #expect(harness.server.sessionCount == 1)
    }
  }

  @Test(
    arguments: [
      (nil, 10), ("10", 10), ("30", 30), ("5", 10), ("0", 10), ("-4", 10), ("601", 600), ("100000", 600),
      ("29.6", 30), ("abc", nil), ("", nil),
    ] as [(String?, Int?)])
  func keepaliveParameter(raw: String?, seconds: Int?) {
    #expect(KeepaliveParameter.seconds(raw, options: .init()) == seconds)
  }

  @Test func outOfRangeKeepaliveIsClampedInTheWelcome() async throws {
    try await EventSubHarness.with { harness in
      let low = TestClient(harness.url + "?keepalive_timeout_seconds=3")
      #expect(await low.next()?.int("payload.session.keepalive_timeout_seconds") == 10)
      let high = TestClient(harness.url + "?keepalive_timeout_seconds=900")
      #expect(await high.next()?.int("payload.session.keepalive_timeout_seconds") == 600)
    }
  }

  @Test func nonNumericKeepaliveIsRefusedBeforeTheUpgrade() async throws {
    try await EventSubHarness.with { harness in
      let client = TestClient(harness.url + "?keepalive_timeout_seconds=soon")
      #expect(await client.wasRefused())
      #expect(harness.server.sessionCount == 0)
    }
  }

  @Test func silenceBringsAKeepalive() async throws {
    try await EventSubHarness.with {
      $0.keepaliveRange = 1...600
      $0.welcomeSubscribeDeadline = .seconds(120)
    } _: { harness in
      let client = TestClient(harness.url + "?keepalive_timeout_seconds=1")
      #expect(await client.next()?.int("payload.session.keepalive_timeout_seconds") == 1)
      let keepalive = try #require(await client.next())
      #expect(keepalive.messageType == "session_keepalive")
      #expect(keepalive.keys("metadata") == ["message_id", "message_type", "message_timestamp"])
      #expect(keepalive.keys("payload").isEmpty)
      #expect(keepalive.object("payload") != nil)
    }
  }

  @Test func aSessionWithoutSubscriptionsClosesWith4003() async throws {
    try await EventSubHarness.with {
      $0.welcomeSubscribeDeadline = .milliseconds(300)
    } _: { harness in
      let client = TestClient(harness.url)
      let sessionID = try #require(await client.next()?.string("payload.session.id"))
      #expect(await client.closeCode() == 4003)
      #expect(await eventually { harness.server.sessionCount == 0 })
      // The world forgot the session: Helix refuses subscriptions on it.
      #expect(throws: SimError.self) {
        try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      }
    }
  }

  @Test func aSubscribedSessionOutlivesTheDeadline() async throws {
    try await EventSubHarness.with {
      $0.welcomeSubscribeDeadline = .milliseconds(300)
      $0.keepaliveRange = 1...600
    } _: { harness in
      let client = TestClient(harness.url + "?keepalive_timeout_seconds=1")
      let sessionID = try #require(await client.next()?.string("payload.session.id"))
      try harness.subscribe("channel.chat.message", session: sessionID, scopes: ["user:read:chat"])
      // Past the deadline, keepalives keep coming instead of a close.
      #expect(await client.next("session_keepalive") != nil)
      #expect(await client.next("session_keepalive") != nil)
      #expect(harness.server.sessionCount == 1)
    }
  }

  @Test func inboundTrafficClosesWith4001() async throws {
    try await EventSubHarness.with { harness in
      let client = TestClient(harness.url)
      #expect(await client.next()?.messageType == "session_welcome")
      client.send(#"{"type":"PING"}"#)
      #expect(await client.closeCode() == 4001)
      #expect(await eventually { harness.server.sessionCount == 0 })
    }
  }

  @Test(arguments: [4000, 4005, 4006])
  func dropFaultClosesEverySessionWithItsCode(code: Int) async throws {
    try await EventSubHarness.with { harness in
      let first = TestClient(harness.url)
      let second = TestClient(harness.url)
      #expect(await first.next()?.messageType == "session_welcome")
      #expect(await second.next()?.messageType == "session_welcome")
      harness.world.inject(.eventSubDrop(closeCode: code))
      #expect(await first.closeCode() == code)
      #expect(await second.closeCode() == code)
    }
  }

  @Test func shutdownEndsSessions() async throws {
    try await EventSubHarness.with { harness in
      let client = TestClient(harness.url)
      #expect(await client.next()?.messageType == "session_welcome")
      await harness.server.shutdown()
      #expect(await client.closeCode() == 1000)
      #expect(await eventually { harness.server.sessionCount == 0 })
    }
  }
}
