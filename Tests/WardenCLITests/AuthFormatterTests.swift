import Testing
import WardenCLI
import WardenProtocol

@Suite struct AuthFormatterTests {
  static let now: Int64 = 1_800_000_000_000
  static let bot = TwitchUser(id: "9", login: "warden_bot", displayName: "WardenBot")
  static let plain = Style(enabled: false)
  static let offer = AuthLoginResult(
    flow: .device, verificationURI: "https://www.twitch.tv/activate", userCode: "ABCD-EFGH",
    expiresAt: now + 1_800_000)

  @Test(arguments: [
    (
      AuthStatusResult(state: .authenticated, user: bot, scopes: ["a"], expiresAt: now + 11_565_000),
      "Twitch: logged in as WardenBot (warden_bot), token expires in 3h12m"
    ),
    (
      AuthStatusResult(state: .authenticated, user: TwitchUser(login: "bot", displayName: "bot")),
      "Twitch: logged in as bot"
    ),
    (
      AuthStatusResult(state: .authenticated, user: bot, expiresAt: now - 1),
      "Twitch: logged in as WardenBot (warden_bot), token expired"
    ),
    (
      AuthStatusResult(state: .anonymous, message: "no token; chat is read anonymously"),
      "Twitch: anonymous — moderation unavailable: no token; chat is read anonymously"
    ),
    (AuthStatusResult(state: .anonymous), "Twitch: anonymous — moderation unavailable"),
    (AuthStatusResult(state: .invalid, message: "x"), "Twitch: token invalid — moderation unavailable: x"),
    (AuthStatusResult(state: .expired, message: "x"), "Twitch: token expired — moderation unavailable: x"),
    (AuthStatusResult(state: .revoked, message: "x"), "Twitch: authorization revoked — moderation unavailable: x"),
  ])
  func headlines(_ auth: AuthStatusResult, _ expected: String) {
    #expect(AuthFormatter.headline(auth, nowMS: Self.now, style: Self.plain) == expected)
  }

  @Test func linesAddScopesALoginInProgressOrTheWayToLogIn() {
    let authenticated = AuthStatusResult(
      state: .authenticated, user: Self.bot, scopes: ["chat:read", "moderator:manage:banned_users"])
    #expect(
      AuthFormatter.lines(authenticated, nowMS: Self.now, style: Self.plain) == [
        "Twitch: logged in as WardenBot (warden_bot)", "  scopes        chat:read, moderator:manage:banned_users",
      ])
    let anonymous = AuthStatusResult(state: .anonymous, message: "no token")
    #expect(
      AuthFormatter.lines(anonymous, nowMS: Self.now, style: Self.plain) == [
        "Twitch: anonymous — moderation unavailable: no token",
        "  run `warden login` to authorize a moderator account",
      ])
    let pending = AuthStatusResult(state: .anonymous, pending: Self.offer)
    #expect(
      AuthFormatter.lines(pending, nowMS: Self.now, style: Self.plain) == [
        "Twitch: anonymous — moderation unavailable",
        "  login pending: open https://www.twitch.tv/activate and enter ABCD-EFGH (expires in 30m)",
      ])
  }

  @Test func loggedInNamesTheAccountAndScopes() {
    let auth = AuthStatusResult(state: .authenticated, user: Self.bot, scopes: ["chat:read", "user:write:chat"])
    #expect(
      AuthFormatter.loggedIn(auth) == "Logged in as WardenBot (warden_bot) with scopes chat:read, user:write:chat")
    #expect(AuthFormatter.loggedIn(AuthStatusResult(state: .authenticated)) == "Logged in with no scopes")
  }

  @Test func offersShowTheURLAndTheCodeProminently() {
    #expect(
      AuthFormatter.offer(Self.offer, nowMS: Self.now, style: Self.plain) == [
        "Open this page in any browser:", "", "    https://www.twitch.tv/activate", "", "and enter the code:", "",
        "    ABCD-EFGH", "", "The offer expires in 30m. Waiting for the login; Ctrl-C stops waiting.",
      ])
    let code = AuthLoginResult(
      flow: .code, verificationURI: "https://id.twitch.tv/oauth2/authorize?x=1", userCode: nil, expiresAt: Self.now)
    let lines = AuthFormatter.offer(code, nowMS: Self.now, style: Style(enabled: true))
    #expect(lines[0] == "Open this page in a browser on this machine and authorize Warden:")
    #expect(lines[2] == "    \u{1B}[1mhttps://id.twitch.tv/oauth2/authorize?x=1\u{1B}[0m")
  }

  @Test(arguments: [
    (TwitchUser(login: "bob"), "bob"), (TwitchUser(login: "bob", displayName: "Bob"), "Bob (bob)"),
    (TwitchUser(login: "bob", displayName: ""), "bob"), (TwitchUser(login: "bob", displayName: "bob"), "bob"),
  ])
  func names(_ user: TwitchUser, _ expected: String) {
    #expect(AuthFormatter.name(of: user) == expected)
  }
}
