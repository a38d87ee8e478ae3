import Testing
import WardenDaemon
import WardenProtocol

@Suite struct TwitchConfigTests {
  @Test func defaultsAreTwitchsRealEndpoints() {
    let settings = TwitchSettings()
    #expect(settings.ircURL == "wss://irc-ws.chat.twitch.tv:443")
    #expect(settings.eventSubURL == "wss://eventsub.wss.twitch.tv/ws")
    #expect(settings.helixURL == "https://api.twitch.tv/helix")
    #expect(settings.oauthURL == "https://id.twitch.tv/oauth2")
    #expect(settings.transports == [.irc, .eventsub])
    #expect(settings.clientID == nil)
  }

  @Test func everyTwitchKeyOverrides() throws {
    let yaml = """
      channels: ["#PixelPaladin", speedrun_sam, pixelpaladin]
      twitch:
        client_id: abc
        client_secret: s3cret
        irc_url: tcp://127.0.0.1:6667
        eventsub_url: ws://127.0.0.1:8080/ws
        helix_url: http://127.0.0.1:8080/helix
        oauth_url: http://127.0.0.1:8080/oauth2
        redirect_uri: http://localhost:4000/cb
        transports: [irc]
        max_channels_per_connection: 20
        dedupe_window_ms: 500
        scopes: [chat:read]
      """
    let config = try DaemonConfig.parse(yaml: yaml, source: "c.yaml")
    #expect(config.channels == ["pixelpaladin", "speedrun_sam"])
    let twitch = config.twitch
    #expect(twitch.clientID == "abc")
    #expect(twitch.clientSecret == "s3cret")
    #expect(twitch.ircURL == "tcp://127.0.0.1:6667")
    #expect(twitch.eventSubURL == "ws://127.0.0.1:8080/ws")
    #expect(twitch.helixURL == "http://127.0.0.1:8080/helix")
    #expect(twitch.oauthURL == "http://127.0.0.1:8080/oauth2")
    #expect(twitch.redirectURI == "http://localhost:4000/cb")
    #expect(twitch.transports == [.irc])
    #expect(twitch.maxChannelsPerConnection == 20)
    #expect(twitch.dedupeWindowMS == 500)
    #expect(twitch.scopes == ["chat:read"])
    #expect(!"\(twitch)".contains("s3cret"))
  }

  @Test func environmentOverridesTheFile() throws {
    var settings = try DaemonConfig.parse(yaml: "twitch: {client_id: file}", source: "c.yaml").twitch
    settings.applyEnvironment(["WARDEN_TWITCH_CLIENT_ID": "env", "WARDEN_TWITCH_CLIENT_SECRET": "envsecret"])
    #expect(settings.clientID == "env")
    #expect(settings.clientSecret == "envsecret")
    settings.applyEnvironment(["WARDEN_TWITCH_CLIENT_ID": ""])
    #expect(settings.clientID == "env")
  }

  static let broken: [(String, String, String)] = [
    ("channels: pixelpaladin", "c.yaml:1:11", "channels must be a list"),
    ("channels: [\"not a name\"]", "c.yaml:1:12", "is not a Twitch channel name"),
    ("twitch:\n  irc_url: http://x", "c.yaml:2:12", "must be a URL starting with wss://"),
    ("twitch:\n  helix_url: ftp://x", "c.yaml:2:14", "must be a URL starting with https://"),
    ("twitch:\n  transports: [irc, pigeon]", "c.yaml:2:21", "not 'pigeon'"),
    ("twitch:\n  transports: []", "c.yaml:2:15", "non-empty list"),
    ("twitch:\n  client_idd: x", "c.yaml:2:15", "unknown key 'twitch.client_idd'"),
    ("twitch:\n  max_channels_per_connection: 0", "c.yaml:2:32", "between 1 and 100"),
  ]

  @Test(arguments: broken)
  func brokenTwitchSettingsSayWhereAndWhy(yaml: String, location: String, reason: String) {
    #expect {
      try DaemonConfig.parse(yaml: yaml, source: "c.yaml")
    } throws: { error in
      guard let error = error as? ConfigError else { return false }
      return error.location == location && error.reason.contains(reason)
    }
  }

  @Test(arguments: [
    ("#PixelPaladin", "pixelpaladin" as String?), ("@bob", "bob"), ("a_b_9", "a_b_9"), ("", nil), ("bad name", nil),
    ("x-y", nil), (String(repeating: "a", count: 26), nil),
  ])
  func channelNames(raw: String, expected: String?) {
    #expect(ChannelName.normalise(raw) == expected)
  }
}
