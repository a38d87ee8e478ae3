import Foundation
import Testing
import TwitchSimCore
import WardenHelix
import WardenProtocol
import WardenTestSupport

/// The token manager against the simulator, with time moved by hand.
@Suite struct TokenManagerTests {
  @Test func startWithoutATokenIsAnonymous() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let manager = sim.manager(directory: temp.path)
      try await manager.start()
      #expect(await manager.status.state == .anonymous)
      #expect(await manager.accessToken() == nil)
    }
  }

  @Test func installValidatesSavesAndReportsTheLogin() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let changes = ChangeLog()
      let manager = sim.manager(directory: temp.path, onChange: changes.handler)
      let token = try sim.mint()
      let status = try await manager.install(token)
      #expect(status.state == .authenticated)
      #expect(status.user == TwitchUser(id: sim.moderator.id, login: "moddy"))
      #expect(status.scopes == SimFixture.moderatorScopes)
      #expect(changes.names == ["loggedIn"])
      #expect(await manager.accessToken() == token.accessToken)
      let stored = try TokenStore(directory: temp.path).load().user
      #expect(stored?.login == "moddy" && stored?.userID == sim.moderator.id)

      // A second manager starts from the file.
      let again = sim.manager(directory: temp.path)
      try await again.start()
      #expect(await again.status.state == .authenticated)
      #expect(await again.accessToken() == token.accessToken)

      let rejected = try await #require(throws: OAuthError.self) {
        try await manager.install(OAuthToken(accessToken: "bogus"))
      }
      #expect(rejected.kind == .invalidToken)
    }
  }

  @Test func aRotatedRefreshTokenIsSavedAndTheOldOneIsNeverReused() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let changes = ChangeLog()
      let manager = sim.manager(directory: temp.path, onChange: changes.handler)
      let original = try sim.mint()
      try await manager.install(original)
      let fresh = try #require(await manager.refreshAfterUnauthorized(failedToken: original.accessToken))
      #expect(fresh != original.accessToken)
      let stored = try #require(try TokenStore(directory: temp.path).load().user)
      #expect(stored.accessToken == fresh)
      #expect(stored.refreshToken != original.refreshToken)
      #expect(stored.login == "moddy", "the account survives the refresh")
      #expect(changes.names == ["loggedIn", "refreshed"])
      // The saved refresh token is the live one: it refreshes again.
      let next = try await sim.oauth().refresh(refreshToken: try #require(stored.refreshToken))
      #expect(next.refreshToken != stored.refreshToken)
    }
  }

  @Test func anInvalidTokenWithoutRefreshTokenMakesTheStateInvalid() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      try TokenStore(directory: temp.path).save(
        StoredTokens(user: OAuthToken(accessToken: "stale-token-abc", login: "moddy")))
      let changes = ChangeLog()
      let manager = sim.manager(directory: temp.path, onChange: changes.handler)
      try await manager.start()
      let status = await manager.status
      #expect(status.state == .invalid)
      #expect(status.message?.contains("warden login") == true)
      #expect(changes.names == ["invalid"])
      #expect(await manager.accessToken() == nil)
    }
  }

  @Test func aRevokedAuthorizationIsReportedAtTheHourlyValidation() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let clock = ManualClock()
      let changes = ChangeLog()
      let manager = sim.manager(directory: temp.path, clock: clock.authClock, onChange: changes.handler)
      let token = try sim.mint()
      try await manager.install(token)
      let running = Task { try await manager.run() }
      #expect(await eventually { clock.sleepers == 1 })
      #expect(sim.world.revoke(accessToken: token.accessToken))
      clock.advance(by: 3601)
      #expect(await eventually { changes.names.contains("revoked") })
      #expect(changes.names == ["loggedIn", "revoked"])
      let status = await manager.status
      #expect(status.state == .revoked)
      #expect(await manager.accessToken() == nil, "chat goes on anonymously")
      running.cancel()
      try await running.value
    }
  }

  @Test func theTokenIsRefreshedBeforeItExpires() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let clock = ManualClock()
      let changes = ChangeLog()
      // Validation would renew the expiry from the simulator's real clock; keep it out of the way.
      let manager = sim.manager(
        directory: temp.path, clock: clock.authClock,
        configuration: .init(validateInterval: .seconds(86_400)), onChange: changes.handler)
      let token = try sim.mint()
      try await manager.install(token)
      let expiresAt = try #require(await manager.status.expiresAt)
      let running = Task { try await manager.run() }
      #expect(await eventually { clock.sleepers == 1 })
      clock.advance(by: 3000)
      #expect(await eventually { clock.sleepers == 1 })
      #expect(changes.names == ["loggedIn"], "nothing is due yet")
      // 4 minutes before expiry: inside the 5-minute margin.
      clock.advance(by: Double(expiresAt) / 1000 - clock.now.timeIntervalSince1970 - 240)
      #expect(await eventually { changes.names.contains("refreshed") })
      #expect(changes.names == ["loggedIn", "refreshed"])
      let current = try #require(await manager.accessToken())
      #expect(current != token.accessToken)
      #expect(try TokenStore(directory: temp.path).load().user?.accessToken == current)
      #expect(try #require(await manager.status.expiresAt) > expiresAt)
      running.cancel()
      try await running.value
    }
  }

  @Test func anExpiredTokenWhoseRefreshFailsIsExpired() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let clock = ManualClock()
      let changes = ChangeLog()
      let token = try sim.mint()
      // The refresh token is spent elsewhere (another copy of the daemon refreshed it).
      _ = try await sim.oauth().refresh(refreshToken: try #require(token.refreshToken))
      var stored = token
      stored.login = "moddy"
      stored.expiresAt = Int64(clock.now.timeIntervalSince1970 * 1000) - 1000
      try TokenStore(directory: temp.path).save(StoredTokens(user: stored))
      let manager = sim.manager(directory: temp.path, clock: clock.authClock, onChange: changes.handler)
      try await manager.start()
      #expect(await manager.status.state == .expired)
      #expect(changes.names == ["expired"])
    }
  }

  @Test func concurrentUnauthorizedCallsShareOneRefresh() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let changes = ChangeLog()
      let manager = sim.manager(directory: temp.path, onChange: changes.handler)
      let token = try sim.mint()
      try await manager.install(token)
      let results = await withTaskGroup(of: String?.self) { group in
        for _ in 0..<10 {
          group.addTask { await manager.refreshAfterUnauthorized(failedToken: token.accessToken) }
        }
        return await group.reduce(into: [String?]()) { $0.append($1) }
      }
      #expect(Set(results).count == 1)
      #expect(results.first! != nil && results.first! != token.accessToken)
      #expect(changes.names == ["loggedIn", "refreshed"])
      let issued = sim.world.allTokens.filter { $0.userID == sim.moderator.id }
      #expect(issued.count == 2, "the minted token and one refresh")
    }
  }

  @Test func logoutRevokesAndDeletesTheFile() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let changes = ChangeLog()
      let manager = sim.manager(directory: temp.path, onChange: changes.handler)
      let token = try sim.mint()
      try await manager.install(token)
      try await manager.logout()
      #expect(await manager.status.state == .anonymous)
      #expect(!FileManager.default.fileExists(atPath: TokenStore(directory: temp.path).path))
      #expect(sim.world.validToken(token.accessToken) == nil, "revoked at Twitch")
      #expect(changes.names == ["loggedIn", "loggedOut"])
    }
  }

  @Test func anInsecureFileStopsTheStart() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let store = TokenStore(directory: temp.path)
      try store.save(StoredTokens(user: try sim.mint()))
      _ = chmod(store.path, 0o644)
      let manager = sim.manager(directory: temp.path)
      let error = try await #require(throws: TokenStoreError.self) { try await manager.start() }
      #expect(error.kind == .insecurePermissions)
      #expect(await manager.status.state == .invalid)
    }
  }

  @Test func theAppTokenIsFetchedOnceAndKept() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let manager = sim.manager(directory: temp.path, client: SimFixture.confidentialClient)
      async let first = manager.appAccessToken()
      async let second = manager.appAccessToken()
      let (a, b) = try await (first, second)
      #expect(a == b)
      #expect(sim.world.allTokens.filter(\.isAppToken).count == 1)
      #expect(try TokenStore(directory: temp.path).load().app?.accessToken == a)
      let helix = sim.helix(tokens: manager.appTokens, client: SimFixture.confidentialClient)
      let users = try await helix.users(logins: ["streamer"])
      #expect(users.map(\.id) == [sim.streamer.id])

      let publicManager = sim.manager(directory: temp.sub("public"))
      let error = try await #require(throws: OAuthError.self) { try await publicManager.appAccessToken() }
      #expect(error.kind == .missingClientSecret)
    }
  }
}
