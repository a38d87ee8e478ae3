import Testing
import TwitchSim
import WardenGateway
import WardenIRC
import WardenTestSupport
import WardenTransport

/// Logging in to the simulator over WebSocket and TCP, anonymously and with a token.
@Suite struct IRCClientLoginTests {
  @Test(arguments: ["ws", "tcp"])
  func anonymousLoginJoinsAndReadsChat(_ transport: String) async throws {
    try await withSim { sim in
      let url = transport == "ws" ? sim.urls.ircWS : sim.urls.ircTCP
      try await withIRCClient(try fastIRCConfiguration(url, channels: ["#Streamer"])) { irc in
        #expect(
          await eventually {
            await irc.client.channels() == [IRCChannelStatus(login: "streamer", joined: true, connection: 1)]
          })
        try sim.say("hello there")
        #expect(await eventually { irc.log.texts(in: "streamer") == ["hello there"] })
        #expect(Array(irc.log.reports.map(\.phase).prefix(3)) == [.connecting, .authenticating, .ready])
        let nick = try #require(irc.log.lines("001").first?.param(0))
        #expect(nick.hasPrefix("justinfan"))
      }
    }
  }

  @Test func tokenLoginOverTCPGetsTheUsersState() async throws {
    try await withSim { sim in
      let token = sim.botToken.accessToken
      let configuration = try fastIRCConfiguration(sim.urls.ircTCP, channels: ["streamer"])
      try await withIRCClient(
        configuration, credentials: { IRCCredentials(nick: "WardenBot", token: "oauth:" + token) }
      ) {
        irc in
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        #expect(irc.log.lines("001").first?.param(0) == "wardenbot")
        let global = irc.log.all.contains { event in
          if case .message(.globalUserState(let state), _, _) = event { return state.userID == sim.bot.id }
          return false
        }
        #expect(global)
      }
    }
  }

  @Test func refusedLoginIsReportedOnceAndNotRetriedUntilReconnect() async throws {
    try await withSim { sim in
      let token = Shared("not-a-token")
      var configuration = try fastIRCConfiguration(sim.urls.ircWS, channels: ["streamer"])
      configuration.backoff = .init(base: .milliseconds(5), cap: .milliseconds(10))
      try await withIRCClient(configuration, credentials: { IRCCredentials(nick: "wardenbot", token: token.value) }) {
        irc in
        let failures = { irc.log.count { if case .authenticationFailed = $0 { true } else { false } } }
        #expect(await eventually { failures() == 1 && irc.log.reported(.failed) })
        // A reconnect storm would show within a few of its 5 ms backoffs.
        try await Task.sleep(for: .milliseconds(500))
        #expect(failures() == 1)
        #expect(irc.log.reports.count { $0.phase == .connecting } == 1)
        #expect(irc.log.reports.last?.reason?.contains("Login authentication failed") == true)

        token.value = sim.botToken.accessToken
        await irc.client.reconnect(reason: "new login")
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        #expect(failures() == 1)
      }
    }
  }

  @Test func serverPingIsAnswered() async throws {
    var options = TwitchSim.Options()
    options.irc.pingInterval = .milliseconds(100)
    options.irc.pongTimeout = .milliseconds(400)
    try await withSim(options: options) { sim in
      try await withIRCClient(try fastIRCConfiguration(sim.urls.ircTCP, channels: ["streamer"])) { irc in
        #expect(await eventually { await irc.client.channels().allSatisfy(\.joined) })
        // Without PONGs the server would close the connection within half a second.
        try await Task.sleep(for: .milliseconds(1_200))
        try sim.say("still here")
        #expect(await eventually { irc.log.texts(in: "streamer") == ["still here"] })
        #expect(irc.log.reports.count { $0.phase == .reconnecting } == 0)
        #expect(irc.log.count { if case .message(.ping, _, _) = $0 { true } else { false } } == 0)
      }
    }
  }

  @Test func silenceMakesUsPingAndTheAnswerKeepsTheConnection() async throws {
    try await withSim { sim in
      var configuration = try fastIRCConfiguration(sim.urls.ircWS, channels: ["streamer"])
      configuration.silenceBeforePing = .milliseconds(100)
      configuration.pongTimeout = .seconds(2)
      try await withIRCClient(configuration) { irc in
        #expect(await eventually { irc.log.lines("PONG").count >= 3 })
        #expect(irc.log.reports.count { $0.phase == .reconnecting } == 0)
      }
    }
  }
}
