import Testing
import TwitchSim
import WardenGateway
import WardenIRC
import WardenTestSupport
import WardenTransport

/// Chat, JOIN pacing, PART and sharding against the simulator.
@Suite struct IRCClientChannelTests {
  @Test func chatArrivesTypedAndInOrder() async throws {
    try await withSim { sim in
      try await withIRCClient(try fastIRCConfiguration(sim.urls.ircWS, channels: ["streamer"])) { irc in
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        let texts = (0..<300).map { "message \($0)" }
        for text in texts { try sim.say(text) }
        let broadcaster = try #require(sim.channels["streamer"])
        try sim.world.ban(
          channelID: broadcaster.id, userID: sim.viewer.id, moderatorID: broadcaster.id, durationSeconds: 60,
          reason: "test")
        #expect(await eventually { irc.log.texts(in: "streamer") == texts })
        #expect(
          await eventually {
            irc.log.all.contains { event in
              guard case .message(.clearChat(let clear), 1, _) = event else { return false }
              return clear.targetUserID == sim.viewer.id
            }
          })
        let first = irc.log.all.lazy.compactMap { event -> PrivateMessage? in
          if case .message(.privmsg(let message), _, _) = event { return message }
          return nil
        }.first
        #expect(first?.login == "viewer32")
        #expect(first?.displayName == "Viewer32")
        #expect(first?.userID == sim.viewer.id)
      }
    }
  }

  /// The simulator closes a connection that sends more JOINs than allowed per 10 s; the limiter
  /// keeps the client under it, so the late channels join in the next window instead.
  @Test func runtimeJoinsArePacedAndPartStopsChat() async throws {
    let logins = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    var options = TwitchSim.Options()
    options.irc.joinsPer10s = 4
    try await withSim(channels: logins, options: options) { sim in
      var configuration = try fastIRCConfiguration(sim.urls.ircTCP, channels: ["alpha"])
      configuration.joinsPerWindow = 4
      try await withIRCClient(configuration) { irc in
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        await irc.client.join(Array(logins.dropFirst()))
        #expect(await eventually { await irc.client.channels().count(where: \.joined) == 4 })
        #expect(await irc.client.channels().count == 6)
        #expect(await eventually(30) { await irc.client.channels().allSatisfy(\.joined) })
        let reconnects = irc.log.reports.filter { $0.phase == .reconnecting }
        #expect(reconnects.isEmpty, "\(reconnects.map { $0.reason ?? "?" })")

        await irc.client.part(["#charlie"])
        #expect(await eventually { irc.log.lines("PART").contains { $0.param(0) == "#charlie" } })
        #expect(await irc.client.channels().map(\.login) == ["alpha", "bravo", "delta", "echo", "foxtrot"])
        try sim.say("not for us", in: "charlie")
        try sim.say("marker", in: "alpha")
        #expect(await eventually { irc.log.texts(in: "alpha") == ["marker"] })
        #expect(irc.log.texts(in: "charlie").isEmpty)
      }
    }
  }

  @Test func channelsAreShardedOverConnections() async throws {
    let logins = ["alpha", "bravo", "charlie"]
    try await withSim(channels: logins) { sim in
      var configuration = try fastIRCConfiguration(sim.urls.ircWS, channels: logins)
      configuration.maxChannelsPerConnection = 2
      try await withIRCClient(configuration) { irc in
        let expected = [
          IRCChannelStatus(login: "alpha", joined: true, connection: 1),
          IRCChannelStatus(login: "bravo", joined: true, connection: 1),
          IRCChannelStatus(login: "charlie", joined: true, connection: 2),
        ]
        #expect(await eventually { await irc.client.channels() == expected })
        try sim.say("one", in: "alpha")
        try sim.say("three", in: "charlie")
        let arrivals = {
          irc.log.all.compactMap { event -> String? in
            guard case .message(.privmsg(let message), let connection, _) = event else { return nil }
            return "\(connection):\(message.text)"
          }
        }
        #expect(await eventually { Set(arrivals()) == ["1:one", "2:three"] })
        #expect(irc.log.reported(.ready, connection: 2))

        // Parting the last channel of connection 2 closes it.
        await irc.client.part(["charlie"])
        #expect(await eventually { irc.log.reported(.stopped, connection: 2) })
        #expect(await irc.client.channels().map(\.connection) == [1, 1])
      }
    }
  }
}
