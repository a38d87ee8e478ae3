import Foundation
import Synchronization
import Testing
import TwitchSimCore
import WardenClient
import WardenHelix
import WardenProtocol
import WardenTestSupport

/// The gateway through Twitch's bad days, as twitch-sim plays them.
@Suite(.serialized) struct GatewayFaultTests {
  /// Sends `count` chat messages, `pause` apart, from the viewer; returns their texts.
  private func chatter(
    _ harness: GatewayHarness, count: Int, prefix: String, pause: Duration = .milliseconds(5)
  ) async throws -> [String] {
    var texts: [String] = []
    for index in 0..<count {
      let text = "\(prefix) \(index)"
      _ = try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: text)
      texts.append(text)
      try await Task.sleep(for: pause)
    }
    return texts
  }

  private func connectionEvents(_ harness: GatewayHarness, _ transport: GatewayTransport) -> [ConnectionData] {
    harness.events.data(.sysConnection, as: ConnectionData.self).filter { $0.transport == transport }
  }

  @Test func aDroppedIRCConnectionReconnectsRejoinsAndEstimatesWhatWasMissed() async throws {
    let harness = try await GatewayHarness.start(loggedIn: false)
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady(eventSub: false))
    let before = try await chatter(harness, count: 100, prefix: "before", pause: .milliseconds(2))
    #expect(await harness.events.waitFor { $0.of(.chatMessage).count == before.count })
    let flood = Task { try await chatter(harness, count: 300, prefix: "during", pause: .milliseconds(2)) }
    try await Task.sleep(for: .milliseconds(100))
    harness.world.inject(.ircDrop)
    _ = try await flood.value
    #expect(
      await harness.events.waitFor { _ in
        connectionEvents(harness, .irc).contains { $0.state == .connected && $0.possiblyMissed != nil }
      })
    let states = connectionEvents(harness, .irc).map(\.state)
    #expect(states.contains(.reconnecting))
    let gap = try #require(connectionEvents(harness, .irc).first { $0.possiblyMissed != nil })
    #expect(gap.downMS != nil)
    #expect(gap.channels == ["pixelpaladin"])
    // Rejoined: chat after the reconnect arrives again.
    #expect(try await harness.waitUntilReady(eventSub: false))
    _ = try await chatter(harness, count: 1, prefix: "after")
    #expect(await harness.events.waitFor { $0.of(.chatMessage).contains { $0.data["text"] == "after 0" } })
    await harness.stop()
  }

  @Test func aReconnectRequestLosesNoChat() async throws {
    let harness = try await GatewayHarness.start(loggedIn: false)
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady(eventSub: false))
    let flood = Task { try await chatter(harness, count: 300, prefix: "msg", pause: .milliseconds(3)) }
    try await Task.sleep(for: .milliseconds(200))
    harness.world.inject(.ircReconnect)
    let sent = try await flood.value
    #expect(await harness.events.waitFor { $0.of(.chatMessage).count >= sent.count })
    try await Task.sleep(for: .milliseconds(300))
    let texts = harness.events.data(.chatMessage, as: ChatMessageData.self).map(\.text)
    #expect(texts.count == sent.count, "lost or duplicated: \(texts.count) of \(sent.count)")
    #expect(Set(texts) == Set(sent))
    await harness.stop()
  }

  @Test func anEventSubHandoverLosesAndDuplicatesNothing() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    let session = connectionEvents(harness, .eventsub).last?.sessionID
    harness.world.inject(.eventSubReconnect)
    try harness.world.warn(
      channelID: harness.broadcaster.id, userID: harness.viewer.id, moderatorID: harness.broadcaster.id,
      reason: "during the handover")
    harness.world.inject(.eventSubDuplicate(count: 2))
    try harness.world.warn(
      channelID: harness.broadcaster.id, userID: harness.viewer.id, moderatorID: harness.broadcaster.id,
      reason: "sent twice")
    #expect(await harness.events.waitFor { $0.of(.modWarn).count >= 2 })
    try await Task.sleep(for: .seconds(1))
    let reasons = harness.events.data(.modWarn, as: ModWarnData.self).map(\.reason)
    #expect(reasons == ["during the handover", "sent twice"])
    // The handover kept the session: no new subscriptions were needed.
    #expect(connectionEvents(harness, .eventsub).last?.sessionID == session)
    await harness.stop()
  }

  @Test func helixRateLimitsAndServerErrorsAreWaitedOut() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    let client = try await harness.client()
    var faults = HelixFaults()
    faults.failStatus = 429
    faults.failCount = 2
    harness.world.helixFaults = faults
    _ = try await client.call(CommandName.modTimeout, args: ["user": "alice", "duration_s": 60])
    faults.failStatus = 503
    faults.failCount = 2
    harness.world.helixFaults = faults
    _ = try await client.call(CommandName.modUntimeout, args: ["user": "alice"])
    #expect(harness.world.actions(kind: "timeout").count == 1)
    #expect(harness.world.actions(kind: "unban").count == 1)
    faults.failStatus = 500
    faults.failCount = 100
    harness.world.helixFaults = faults
    do {
      _ = try await client.call(CommandName.modBan, args: ["user": "alice"])
      Issue.record("a ban through a failing Twitch succeeded")
    } catch {
      #expect(error.protocolError?.code == .twitchUnavailable)
      #expect(error.protocolError?.retryable == true)
    }
    harness.world.helixFaults = HelixFaults()
    await harness.stop()
  }

  @Test func anExpiredTokenIsRefreshedAndTheRotatedRefreshTokenSaved() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    let store = TokenStore(directory: harness.directory + "/data")
    let old = try #require(try store.load().user)
    harness.world.expire(accessToken: old.accessToken)
    let client = try await harness.client()
    _ = try await client.call(CommandName.modBan, args: ["user": "alice"])
    #expect(harness.world.actions(kind: "ban").count == 1)
    let new = try #require(try store.load().user)
    #expect(new.accessToken != old.accessToken)
    #expect(new.refreshToken != old.refreshToken)
    #expect(await harness.events.waitFor { !$0.of(.sysAuthRefreshed).isEmpty })
    let envelopes = harness.events.all.map { "\($0.data)" }.joined()
    #expect(!envelopes.contains(old.accessToken) && !envelopes.contains(new.accessToken))
    await harness.stop()
  }

  @Test func aRevokedTokenIsReportedAndChatContinuesAnonymously() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    let token = try #require(try TokenStore(directory: harness.directory + "/data").load().user)
    #expect(harness.world.revoke(accessToken: token.accessToken))
    let client = try await harness.client()
    do {
      _ = try await client.call(CommandName.modBan, args: ["user": "alice"])
      Issue.record("a ban with a revoked token succeeded")
    } catch {
      #expect(error.protocolError?.code == .unauthenticated)
    }
    #expect(
      await harness.events.waitFor {
        !$0.of(.sysAuthRevoked).isEmpty || !$0.of(.sysAuthInvalid).isEmpty || !$0.of(.sysAuthExpired).isEmpty
      })
    let auth = try await client.call(CommandName.authStatus, as: AuthStatusResult.self)
    #expect(auth.state != .authenticated)
    #expect(auth.message != nil)
    // Chat still flows, anonymously.
    #expect(try await harness.waitUntilReady(eventSub: false))
    _ = try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "still here")
    #expect(await harness.events.waitFor { $0.of(.chatMessage).contains { $0.data["text"] == "still here" } })
    await harness.stop()
  }

  @Test func missingScopesAreForbiddenWithTwitchsWords() async throws {
    let harness = try await GatewayHarness.start(scopes: ["chat:read", "user:read:chat"])
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady(eventSub: false))
    let client = try await harness.client()
    do {
      _ = try await client.call(CommandName.modBan, args: ["user": "alice"])
      Issue.record("a ban without the scope succeeded")
    } catch {
      #expect(error.protocolError?.code == .forbidden)
      #expect(error.protocolError?.message.contains("moderator:manage:banned_users") == true)
    }
    #expect(harness.world.actions(kind: "ban").isEmpty)
    let auth = try await client.call(CommandName.authStatus, as: AuthStatusResult.self)
    #expect(auth.state == .authenticated)
    await harness.stop()
  }

  @Test func theDeviceFlowLogsInAndModerationStartsWorking() async throws {
    let harness = try await GatewayHarness.start(loggedIn: false)
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady(eventSub: false))
    let client = try await harness.client()
    let offer = try await client.call(CommandName.authLogin, args: ["flow": "device"], as: AuthLoginResult.self)
    let code = try #require(offer.userCode)
    #expect(offer.verificationURI.hasPrefix("http"))
    try harness.world.approveDevice(userCode: code, userID: harness.bot.id)
    #expect(
      await eventually(20) {
        let status = try? await client.call(CommandName.authStatus, as: AuthStatusResult.self)
        return status?.state == .authenticated && status?.pending == nil
      })
    let status = try await client.call(CommandName.authStatus, as: AuthStatusResult.self)
    #expect(status.user?.login == "warden_bot")
    #expect(try await harness.waitUntilReady())
    _ = try await client.call(CommandName.modWarn, args: ["user": "alice", "reason": "now I can"])
    #expect(harness.world.actions(kind: "warn").count == 1)
    let stored = try #require(try TokenStore(directory: harness.directory + "/data").load().user)
    let attributes = try FileManager.default.attributesOfItem(atPath: harness.directory + "/data/tokens.json")
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(stored.login == "warden_bot")
    await harness.stop()
  }
}
