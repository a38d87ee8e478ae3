import Testing
import TwitchSim
import TwitchSimCore
import WardenGateway
import WardenIRC
import WardenTestSupport
import WardenTransport

/// RECONNECT handovers and lost connections against the simulator.
@Suite struct IRCClientReconnectTests {
  /// Chat keeps flowing while Twitch asks for a reconnect: every message arrives exactly once,
  /// and the old connection is closed once the new one has joined.
  @Test(arguments: ["ws", "tcp"])
  func reconnectHandoverLosesNothing(_ transport: String) async throws {
    var options = TwitchSim.Options()
    options.irc.reconnectGrace = .seconds(20)
    try await withSim(options: options) { sim in
      let url = transport == "ws" ? sim.urls.ircWS : sim.urls.ircTCP
      try await withIRCClient(try fastIRCConfiguration(url, channels: ["streamer"])) { irc in
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        let sent = Shared<[String]>([])
        let chatter = Task {
          for index in 0..<400 {
            let text = "chat \(index)"
            try sim.say(text)
            sent.value.append(text)
            if index == 100 { sim.world.inject(.ircReconnect) }
            try await Task.sleep(for: .milliseconds(3))
          }
        }
        try await chatter.value
        #expect(await eventually { Set(irc.log.texts(in: "streamer")) == Set(sent.value) })
        #expect(irc.log.texts(in: "streamer").count == sent.value.count)
        #expect(irc.log.lines("001").count == 2)
        #expect(await eventually { sim.sim.irc.connectionCount == 1 })
        #expect(irc.log.reports.count { $0.phase == .reconnecting } == 0)
        #expect(irc.log.gaps.isEmpty)
        #expect(await irc.client.channels() == [IRCChannelStatus(login: "streamer", joined: true, connection: 1)])
      }
    }
  }

  @Test func droppedMidFloodReconnectsRejoinsAndReportsAGap() async throws {
    try await withSim { sim in
      try await withIRCClient(try fastIRCConfiguration(sim.urls.ircTCP, channels: ["streamer"])) { irc in
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        let flood = Task { try await sim.flood(channel: "streamer", linesPerSecond: 2_000, seconds: 4) }
        #expect(await eventually { irc.log.texts(in: "streamer").count > 1_000 })
        sim.world.inject(.ircDrop)
        #expect(await eventually { irc.log.reported(.reconnecting) })
        #expect(await eventually { irc.log.reported(.ready, times: 2) })
        #expect(await eventually { !irc.log.gaps.isEmpty })
        let gap = try #require(irc.log.gaps.first)
        #expect(gap.connection == 1)
        #expect(gap.channels == ["streamer"])
        #expect(gap.downFor > .zero)
        #expect(gap.estimatedMissed > 0)
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        let before = irc.log.texts(in: "streamer").count
        #expect(await eventually { irc.log.texts(in: "streamer").count > before })
        flood.cancel()
        _ = try? await flood.value
      }
    }
  }

  @Test func reconnectOnRequestHandsOverWithFreshCredentials() async throws {
    try await withSim { sim in
      let nick = Shared("justinfan1001")
      let configuration = try fastIRCConfiguration(sim.urls.ircWS, channels: ["streamer"])
      try await withIRCClient(configuration, credentials: { IRCCredentials(nick: nick.value, token: nil) }) { irc in
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        nick.value = "justinfan2002"
        await irc.client.reconnect(reason: "test")
        #expect(
          await eventually { irc.log.lines("001").compactMap { $0.param(0) } == ["justinfan1001", "justinfan2002"] })
        #expect(await eventually { sim.sim.irc.connectionCount == 1 })
        try sim.say("after the handover")
        #expect(await eventually { irc.log.texts(in: "streamer") == ["after the handover"] })
        #expect(irc.log.reports.count { $0.phase == .reconnecting } == 0)
      }
    }
  }
}
