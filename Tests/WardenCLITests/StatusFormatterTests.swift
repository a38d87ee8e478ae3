import Testing
import WardenCLI
import WardenProtocol

@Suite struct StatusFormatterTests {
  static let status = StatusResult(
    serverVersion: "0.1.0", protocolVersion: 1, zmqVersion: "4.3.5", pid: 42, epoch: "e", startedAt: 1_000_000,
    uptimeMS: 61_000, subscribers: 1, seqs: [:], counters: ["commands_served": 3],
    endpoints: DaemonEndpoints(events: "ipc:///r/events.v1", commands: "ipc:///r/cmd.v1"), runtimeDir: "/r",
    dataDir: "/d")

  @Test func withoutTheGatewayThereIsNoTwitchBlock() {
    let lines = StatusFormatter.lines(Self.status, style: Style(enabled: false))
    #expect(lines.first == "wardend 0.1.0 running, pid 42, up 1 min 1 s")
    #expect(!lines.contains { $0.contains("Twitch") })
  }

  @Test func theGatewayAddsTheAccountConnectionsAndChannels() {
    var status = Self.status
    let now = status.startedAt + status.uptimeMS
    status.twitch = GatewayStatus(
      auth: AuthStatusResult(
        state: .authenticated, user: TwitchUser(login: "warden_bot", displayName: "WardenBot"),
        scopes: ["chat:read"], expiresAt: now + 11_565_000),
      connections: [
        ConnectionData(transport: .irc, connection: 0, state: .connected, channels: ["pixelpaladin", "ab"]),
        ConnectionData(
          transport: .eventsub, connection: 0, state: .reconnecting, reason: "close 4007", retryInMS: 1500),
        ConnectionData(transport: .irc, connection: 1, state: .disconnected, channels: ["c"]),
      ],
      channels: [
        ChannelInfo(login: "pixelpaladin", joined: true, connection: 1), ChannelInfo(login: "ab", joined: false),
      ])
    let lines = StatusFormatter.lines(status, style: Style(enabled: false))
    let twitch = Array(lines.drop { !$0.hasPrefix("Twitch") })
    #expect(
      twitch == [
        "Twitch: logged in as WardenBot (warden_bot), token expires in 3h12m",
        "  scopes        chat:read",
        "  connections   irc 0 connected, 2 channels",
        "                eventsub 0 reconnecting (close 4007), retry in 2s",
        "                irc 1 disconnected, 1 channel",
        "  channels      #pixelpaladin joined (connection 1)",
        "                #ab           not joined",
      ])
  }

  @Test func anAnonymousGatewaySaysHowToLogIn() {
    let gateway = GatewayStatus(
      auth: AuthStatusResult(state: .anonymous, message: "no token"), connections: [], channels: [])
    #expect(
      StatusFormatter.twitchLines(gateway, nowMS: 0, style: Style(enabled: false)) == [
        "Twitch: anonymous — moderation unavailable: no token",
        "  run `warden login` to authorize a moderator account",
        "  connections   none",
        "  channels      none; add one with `warden join <channel>`",
      ])
  }
}
