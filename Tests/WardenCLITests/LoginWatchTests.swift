import Testing
import WardenCLI
import WardenProtocol

@Suite struct LoginWatchTests {
  static let now: Int64 = 1_800_000_000_000
  static let offer = AuthLoginResult(
    flow: .device, verificationURI: "https://www.twitch.tv/activate", userCode: "ABCD", expiresAt: now + 60_000)
  static let bot = TwitchUser(id: "9", login: "warden_bot", displayName: "WardenBot")
  static let done = AuthStatusResult(state: .authenticated, user: bot, scopes: ["chat:read"])

  @Test(arguments: [
    (AuthStatusResult(state: .anonymous, message: "no token", pending: offer), now, LoginWatch.Outcome.waiting),
    (AuthStatusResult(state: .authenticated, user: bot, pending: offer), now, .waiting),
    (done, now, .loggedIn(done)),
    (
      AuthStatusResult(state: .anonymous, message: "the user denied access"), now,
      .failed("the login ended without authorization: the user denied access; run `warden login` again")
    ),
    (
      AuthStatusResult(state: .invalid), now,
      .failed("the login ended without authorization: no reason given; run `warden login` again")
    ),
    (
      AuthStatusResult(state: .anonymous, pending: offer), now + 60_000,
      .failed("the login offer expired before it was completed; run `warden login` again")
    ),
  ])
  func outcomes(_ status: AuthStatusResult, _ nowMS: Int64, _ expected: LoginWatch.Outcome) {
    #expect(LoginWatch.step(status, nowMS: nowMS) == expected)
  }
}
