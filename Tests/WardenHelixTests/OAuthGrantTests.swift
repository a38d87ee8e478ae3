import Foundation
import Testing
import TwitchSimCore
import WardenHelix

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Refresh, validate, revoke, client credentials and the authorization code flow.
@Suite struct OAuthGrantTests {
  @Test func aPublicClientsRefreshTokenRotatesAndTheOldOneIsSpent() async throws {
    try await SimFixture.run { sim in
      let oauth = sim.oauth()
      let original = try sim.mint()
      let first = try await oauth.refresh(refreshToken: try #require(original.refreshToken))
      #expect(first.refreshToken != original.refreshToken)
      #expect(first.accessToken != original.accessToken)
      #expect(first.scopes == original.scopes)
      #expect(first.expiresAt != nil)
      let spent = try await #require(throws: OAuthError.self) {
        try await oauth.refresh(refreshToken: original.refreshToken!)
      }
      #expect(spent.kind == .invalidGrant)
      #expect(spent.message == "Invalid refresh token")
      #expect(spent.description.contains("warden login"))
      // The old access token stopped working too.
      let stale = try await #require(throws: OAuthError.self) {
        try await oauth.validate(accessToken: original.accessToken)
      }
      #expect(stale.kind == .invalidToken)
    }
  }

  @Test func aConfidentialClientKeepsItsRefreshToken() async throws {
    try await SimFixture.run { sim in
      let oauth = sim.oauth(SimFixture.confidentialClient)
      let original = try sim.mint(client: SimFixture.confidentialClient)
      let fresh = try await oauth.refresh(refreshToken: try #require(original.refreshToken))
      #expect(fresh.refreshToken == original.refreshToken)
      #expect(fresh.accessToken != original.accessToken)
    }
  }

  @Test func validateDescribesTheTokenAndRejectsAnInvalidOne() async throws {
    try await SimFixture.run { sim in
      let oauth = sim.oauth()
      let token = try sim.mint(scopes: ["user:read:chat"])
      let validation = try await oauth.validate(accessToken: token.accessToken)
      #expect(validation.login == "moddy")
      #expect(validation.userID == sim.moderator.id)
      #expect(validation.scopes == ["user:read:chat"])
      #expect(validation.clientID == SimFixture.publicClient)
      #expect((14_000...14_400).contains(validation.expiresIn))

      let error = try await #require(throws: OAuthError.self) {
        try await oauth.validate(accessToken: "not-a-token-at-all")
      }
      #expect(error.kind == .invalidToken)
      #expect(error.status == 401)
      #expect(!error.isRetryable)
    }
  }

  @Test func revokeEndsTheToken() async throws {
    try await SimFixture.run { sim in
      let oauth = sim.oauth()
      let token = try sim.mint()
      try await oauth.revoke(accessToken: token.accessToken)
      await #expect(throws: OAuthError.self) { try await oauth.validate(accessToken: token.accessToken) }
      let again = try await #require(throws: OAuthError.self) { try await oauth.revoke(accessToken: token.accessToken) }
      #expect(again.kind == .rejected && again.status == 400)
    }
  }

  @Test func clientCredentialsNeedASecret() async throws {
    try await SimFixture.run { sim in
      let app = try await sim.oauth(SimFixture.confidentialClient).clientCredentials()
      #expect(app.kind == .app)
      #expect(app.refreshToken == nil)
      let validation = try await sim.oauth().validate(accessToken: app.accessToken)
      #expect(validation.userID == nil && validation.clientID == SimFixture.confidentialClient)

      let error = try await #require(throws: OAuthError.self) { try await sim.oauth().clientCredentials() }
      #expect(error.kind == .missingClientSecret)
    }
  }

  @Test func theAuthorizationCodeFlowGoesThroughTheLoopbackListener() async throws {
    try await SimFixture.run { sim in
      let oauth = sim.oauth(SimFixture.confidentialClient)
      let listener = try AuthorizationCodeListener(logger: .quiet)
      let state = UUID().uuidString
      let url = oauth.authorizeURL(
        redirectURI: listener.redirectURI, scopes: ["user:read:chat", "moderator:manage:banned_users"], state: state)
      #expect(url.absoluteString.contains("scope=user%3Aread%3Achat%20moderator%3Amanage%3Abanned_users"))
      #expect(url.absoluteString.contains("response_type=code"))
      let waiting = Task { try await listener.waitForCode(state: state) }
      // The "browser": the simulator approves at once and redirects to the listener.
      var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
      components.queryItems! += [URLQueryItem(name: "login", value: "moddy")]
      let (page, response) = try await URLSession.shared.data(from: components.url!)
      #expect((response as? HTTPURLResponse)?.statusCode == 200)
      #expect(String(decoding: page, as: UTF8.self).contains("signed in"))
      let code = try await waiting.value

      let token = try await oauth.exchangeCode(code, redirectURI: listener.redirectURI)
      #expect(token.scopes == ["user:read:chat", "moderator:manage:banned_users"])
      let validation = try await oauth.validate(accessToken: token.accessToken)
      #expect(validation.login == "moddy")

      let reused = try await #require(throws: OAuthError.self) {
        try await oauth.exchangeCode(code, redirectURI: listener.redirectURI)
      }
      #expect(reused.kind == .invalidGrant)
    }
  }
}
