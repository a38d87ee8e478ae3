import Foundation
import Testing
import TwitchSimCore

@testable import TwitchSimHelix

/// The identity server: device flow, refresh with rotation, validate, revoke, the
/// authorization-code and client-credentials grants.
@Suite struct OAuthTests {
  static let deviceGrant = "urn:ietf:params:oauth:grant-type:device_code"

  @Test func deviceFlowThroughRefreshAndRevoke() async throws {
    try await HelixHarness.run { sim in
      let client = HelixHarness.publicClient
      let started = try await sim.oauth(
        "POST", "device", form: ["client_id": client, "scopes": "user:read:chat user:write:chat"])
      #expect(started.status == 200)
      let deviceCode = try #require(started.json["device_code"]?.stringValue)
      let userCode = try #require(started.json["user_code"]?.stringValue)
      #expect(started.json["interval"] == 5)
      #expect(started.json["expires_in"] == 1800)
      #expect(started.json["verification_uri"]?.stringValue?.contains("device-code=\(userCode)") == true)

      let poll = ["client_id": client, "device_code": deviceCode, "grant_type": Self.deviceGrant]
      let pending = try await sim.oauth("POST", "token", form: poll)
      #expect(pending.status == 400)
      #expect(pending.json == ["status": 400, "message": "authorization_pending"])

      try sim.world.approveDevice(userCode: userCode, userID: sim.viewer.id)
      let granted = try await sim.oauth("POST", "token", form: poll)
      #expect(granted.status == 200)
      #expect(granted.json["token_type"] == "bearer")
      #expect(granted.json["scope"] == ["user:read:chat", "user:write:chat"])
      let access = try #require(granted.json["access_token"]?.stringValue)
      let refresh = try #require(granted.json["refresh_token"]?.stringValue)
      #expect((granted.json["expires_in"]?.intValue ?? 0) > 0)
      #expect(try await sim.oauth("POST", "token", form: poll).json["message"] == "invalid device code")

      let valid = try await sim.oauth("GET", "validate", headers: ["Authorization": "OAuth \(access)"])
      #expect(valid.status == 200)
      #expect(valid.json["client_id"] == .string(client))
      #expect(valid.json["login"] == "viewer")
      #expect(valid.json["user_id"] == .string(sim.viewer.id))
      #expect(valid.json["scopes"] == ["user:read:chat", "user:write:chat"])

      // Public clients: each refresh hands out a new refresh token and retires the old one.
      let refreshForm = ["client_id": client, "grant_type": "refresh_token", "refresh_token": refresh]
      let refreshed = try await sim.oauth("POST", "token", form: refreshForm)
      #expect(refreshed.status == 200)
      let newAccess = try #require(refreshed.json["access_token"]?.stringValue)
      let newRefresh = try #require(refreshed.json["refresh_token"]?.stringValue)
      #expect(newRefresh != refresh)
      #expect(newAccess != access)
      let reused = try await sim.oauth("POST", "token", form: refreshForm)
      #expect(reused.status == 400)
      #expect(reused.json == ["error": "Bad Request", "status": 400, "message": "Invalid refresh token"])
      #expect(try await sim.oauth("GET", "validate", headers: ["Authorization": "OAuth \(access)"]).status == 401)

      let revokeForm = ["client_id": client, "token": newAccess]
      let revoked = try await sim.oauth("POST", "revoke", form: revokeForm)
      #expect(revoked.status == 200)
      #expect(revoked.data.isEmpty)
      let invalid = try await sim.oauth("GET", "validate", headers: ["Authorization": "OAuth \(newAccess)"])
      #expect(invalid.json == ["status": 401, "message": "invalid access token"])
      #expect(
        try await sim.oauth("POST", "revoke", form: revokeForm).json == ["status": 400, "message": "Invalid token"])
      let noClient = try await sim.oauth("POST", "revoke", form: ["client_id": "nobody", "token": newAccess])
      #expect(noClient.json == ["status": 404, "message": "client does not exist"])
    }
  }

  @Test func pollingFasterThanTheIntervalIsSlowedDown() async throws {
    try await HelixHarness.run(oauth: OAuthAPI.Options()) { sim in
      let client = HelixHarness.publicClient
      let started = try await sim.oauth("POST", "device", form: ["client_id": client, "scopes": "user:read:chat"])
      let deviceCode = try #require(started.json["device_code"]?.stringValue)
      let poll = ["client_id": client, "device_code": deviceCode, "grant_type": Self.deviceGrant]
      #expect(try await sim.oauth("POST", "token", form: poll).json["message"] == "authorization_pending")
      #expect(try await sim.oauth("POST", "token", form: poll).json["message"] == "slow_down")
    }
  }

  @Test func refusesUnknownClientsAndCodes() async throws {
    try await HelixHarness.run { sim in
      #expect(
        try await sim.oauth("POST", "device", form: ["client_id": "nobody", "scopes": ""]).json
          == ["status": 400, "message": "invalid client"])
      let bogus = ["client_id": HelixHarness.publicClient, "device_code": "nope", "grant_type": Self.deviceGrant]
      #expect(
        try await sim.oauth("POST", "token", form: bogus).json == ["status": 400, "message": "invalid device code"])
      #expect(try await sim.oauth("GET", "validate").json == ["status": 401, "message": "missing authorization token"])
      let unknownGrant = try await sim.oauth(
        "POST", "token", form: ["client_id": HelixHarness.publicClient, "grant_type": "password"])
      #expect(unknownGrant.status == 400)
    }
  }

  @Test func authorizationCodeFlowRedirectsAtOnce() async throws {
    try await HelixHarness.run { sim in
      let client = HelixHarness.confidentialClient
      let callback = "http://127.0.0.1:\(sim.port)/callback"
      let authorized = try await sim.oauth(
        "GET", "authorize",
        form: [
          "client_id": client, "redirect_uri": callback, "response_type": "code",
          "scope": "moderator:read:chatters chat:read", "state": "xyz", "login": "moddy",
        ])
      // URLSession followed the redirect to the test's echo route.
      #expect(authorized.url?.path == "/callback")
      let echoed = FormFields(encoded: authorized.text)
      #expect(echoed["state"] == "xyz")
      #expect(echoed["scope"] == "moderator:read:chatters chat:read")
      let code = try #require(echoed["code"])

      var exchange = [
        "client_id": client, "client_secret": "wrong", "code": code, "grant_type": "authorization_code",
        "redirect_uri": callback,
      ]
      #expect(try await sim.oauth("POST", "token", form: exchange).status == 403)
      exchange["client_secret"] = HelixHarness.secret
      let granted = try await sim.oauth("POST", "token", form: exchange)
      #expect(granted.status == 200)
      let access = try #require(granted.json["access_token"]?.stringValue)
      let refresh = try #require(granted.json["refresh_token"]?.stringValue)
      #expect(sim.world.token(access)?.userID == sim.moderator.id)
      #expect(try await sim.oauth("POST", "token", form: exchange).json["message"] == "Invalid authorization code")

      // Confidential clients keep their refresh token.
      let refreshed = try await sim.oauth(
        "POST", "token",
        form: [
          "client_id": client, "client_secret": HelixHarness.secret, "grant_type": "refresh_token",
          "refresh_token": refresh,
        ])
      #expect(refreshed.json["refresh_token"] == .string(refresh))
    }
  }

  @Test func implicitFlowPutsTheTokenInTheFragment() async throws {
    try await HelixHarness.run { sim in
      let callback = "http://127.0.0.1:\(sim.port)/callback"
      let authorized = try await sim.oauth(
        "GET", "authorize",
        form: [
          "client_id": HelixHarness.publicClient, "redirect_uri": callback, "response_type": "token",
          "scope": "chat:read", "state": "s1",
        ])
      let fragment = FormFields(encoded: try #require(authorized.url?.fragment))
      let access = try #require(fragment["access_token"])
      #expect(fragment["state"] == "s1")
      #expect(fragment["token_type"] == "bearer")
      // Without `login`, the broadcaster of the first channel authorizes.
      #expect(sim.world.token(access)?.userID == sim.broadcaster.id)
      #expect(sim.world.token(access)?.scopes == ["chat:read"])
    }
  }

  @Test func clientCredentialsGiveAnAppToken() async throws {
    try await HelixHarness.run { sim in
      let granted = try await sim.oauth(
        "POST", "token",
        form: [
          "client_id": HelixHarness.confidentialClient, "client_secret": HelixHarness.secret,
          "grant_type": "client_credentials",
        ])
      #expect(granted.status == 200)
      #expect(granted.json["refresh_token"] == nil)
      let access = try #require(granted.json["access_token"]?.stringValue)
      let valid = try await sim.oauth("GET", "validate", headers: ["Authorization": "OAuth \(access)"])
      #expect(valid.json["client_id"] == .string(HelixHarness.confidentialClient))
      #expect(valid.json["user_id"] == nil)
      let publicApp = try await sim.oauth(
        "POST", "token", form: ["client_id": HelixHarness.publicClient, "grant_type": "client_credentials"])
      #expect(publicApp.status == 400)
    }
  }
}
