import Testing
import TwitchSimCore
import WardenGateway
import WardenTestSupport
import WardenTransport

/// The EventSub client against the simulator's EventSub WebSocket.
@Suite struct EventSubClientTests {
  /// Until the subscription exists, a chat message would not be notified.
  private func subscribed(_ sim: SimFixture, _ eventSub: EventSubHarness) async -> Bool {
    await eventually {
      guard let session = eventSub.allRequests.last else { return false }
      return !sim.world.eventSubSubscriptions(session: session).isEmpty
    }
  }

  @Test func welcomeAsksForEverySubscriptionAndNotificationsArriveInOrder() async throws {
    try await withSim { sim in
      try await withEventSubClient(sim) { eventSub in
        #expect(await subscribed(sim, eventSub))
        let session = try #require(eventSub.allRequests.first)
        #expect(eventSub.reports.map(\.phase) == [.connecting, .ready])
        #expect(eventSub.reports.last?.sessionID == session)
        let texts = (0..<50).map { "line \($0)" }
        for text in texts { try sim.say(text) }
        #expect(await eventually { eventSub.chatTexts == texts })
        guard case .notification(let notification) = eventSub.log.all.last else {
          Issue.record("the last event is not a notification")
          return
        }
        #expect(notification.subscriptionType == "channel.chat.message")
        #expect(notification.subscriptionVersion == "1")
        #expect(!notification.messageID.isEmpty && !notification.messageTimestamp.isEmpty)
        #expect(eventSub.requests.all == [.all(sessionID: session)])
      }
    }
  }

  /// Notifications keep coming while the session moves to a new socket: none is lost, none is
  /// delivered twice, the subscriptions are not recreated, and the old socket is closed.
  @Test func sessionReconnectLosesAndDuplicatesNothing() async throws {
    try await withSim { sim in
      try await withEventSubClient(sim) { eventSub in
        #expect(await subscribed(sim, eventSub))
        var sent: [String] = []
        for index in 0..<300 {
          let text = "chat \(index)"
          try sim.say(text)
          sent.append(text)
          if index == 60 { sim.world.inject(.eventSubReconnect) }
          try await Task.sleep(for: .milliseconds(3))
        }
        #expect(await eventually { Set(eventSub.chatTexts) == Set(sent) })
        #expect(eventSub.chatTexts.count == sent.count)
        #expect(eventSub.allRequests.count == 1)
        #expect(await eventually { sim.sim.eventSub.sessionCount == 1 })
        #expect(eventSub.reports.map(\.phase) == [.connecting, .ready])
      }
    }
  }

  @Test func duplicatedNotificationsArePassedOnOnce() async throws {
    try await withSim { sim in
      try await withEventSubClient(sim) { eventSub in
        #expect(await subscribed(sim, eventSub))
        sim.world.inject(.eventSubDuplicate(count: 5))
        let texts = ["a", "b", "c", "d", "e", "marker"]
        for text in texts { try sim.say(text) }
        #expect(await eventually { eventSub.chatTexts.last == "marker" })
        #expect(eventSub.chatTexts == texts)
      }
    }
  }

  /// The IRC WebSocket route accepts the upgrade and then says nothing, like a server that never
  /// welcomes.
  @Test func aMissingWelcomeClosesAndRetries() async throws {
    try await withSim { sim in
      try await withEventSubClient(
        sim,
        configure: {
          $0.url = sim.urls.ircWS
          $0.welcomeTimeout = .milliseconds(300)
        }
      ) { eventSub in
        #expect(
          await eventually {
            eventSub.reports.count { $0.phase == .connecting } >= 2
          })
        let reconnecting = try #require(eventSub.reports.first { $0.phase == .reconnecting })
        #expect(reconnecting.reason?.contains("session_welcome") == true)
        #expect(reconnecting.retryIn != nil)
        #expect(eventSub.requests.all.isEmpty)
      }
    }
  }

  @Test func revocationIsReported() async throws {
    try await withSim { sim in
      try await withEventSubClient(sim) { eventSub in
        #expect(await subscribed(sim, eventSub))
        #expect(sim.world.revoke(accessToken: sim.botToken.accessToken))
        #expect(
          await eventually {
            eventSub.log.all.contains { event in
              guard case .revoked(let type, let status, let recreate) = event else { return false }
              return type == "channel.chat.message" && status == "authorization_revoked" && !recreate
            }
          })
        #expect(eventSub.requests.all.count == 1)
      }
    }
  }

  @Test(arguments: [4000, 4004, 4006])
  func aCloseCodeReconnectsToANewSession(_ code: Int) async throws {
    try await withSim { sim in
      try await withEventSubClient(sim) { eventSub in
        #expect(await subscribed(sim, eventSub))
        sim.world.inject(.eventSubDrop(closeCode: code))
        #expect(await eventually { eventSub.allRequests.count == 2 })
        #expect(Set(eventSub.allRequests).count == 2)
        let reconnecting = try #require(eventSub.reports.first { $0.phase == .reconnecting })
        #expect(reconnecting.reason?.contains("\(code)") == true)
        #expect(await subscribed(sim, eventSub))
        try sim.say("after the drop")
        #expect(await eventually { eventSub.chatTexts == ["after the drop"] })
      }
    }
  }

  @Test func restartStartsANewSession() async throws {
    try await withSim { sim in
      try await withEventSubClient(sim) { eventSub in
        #expect(await subscribed(sim, eventSub))
        await eventSub.client.restart(reason: "new login")
        #expect(await eventually { eventSub.allRequests.count == 2 })
        #expect(Set(eventSub.allRequests).count == 2)
        #expect(await eventually { sim.sim.eventSub.sessionCount == 1 })
      }
    }
  }
}
