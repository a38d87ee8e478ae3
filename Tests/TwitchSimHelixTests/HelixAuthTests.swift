import Foundation
import Testing
import TwitchSimCore

/// Helix's 401s and 403s: headers, tokens, client ids, scopes and moderator checks.
@Suite struct HelixAuthTests {
  @Test func refusesRequestsWithoutValidCredentials() async throws {
    try await HelixHarness.run { sim in
      let path = "users"
      let token = sim.moderatorToken.accessToken
      let cases: [([String: String], String)] = [
        ([:], "OAuth token is missing"),
        (["Client-Id": sim.moderatorToken.clientID], "OAuth token is missing"),
        (["Authorization": "OAuth \(token)", "Client-Id": sim.moderatorToken.clientID], "OAuth token is missing"),
        (["Authorization": "Bearer \(token)"], "Client ID is missing"),
        (["Authorization": "Bearer nosuchtoken", "Client-Id": sim.moderatorToken.clientID], "Invalid OAuth token"),
        (
          ["Authorization": "Bearer \(token)", "Client-Id": HelixHarness.confidentialClient],
          "Client ID and OAuth token do not match"
        ),
      ]
      for (headers, message) in cases {
        let reply = try await sim.helix("GET", path, headers: headers)
        #expect(reply.status == 401)
        #expect(reply.json == ["error": "Unauthorized", "status": 401, "message": .string(message)])
        #expect(reply.header("Ratelimit-Limit") == nil)
      }
    }
  }

  @Test func refusesExpiredAndRevokedTokens() async throws {
    try await HelixHarness.run { sim in
      let expired = try sim.world.mintToken(
        clientID: HelixHarness.publicClient, userID: sim.viewer.id, scopes: [], lifetime: 60)
      sim.world.expire(accessToken: expired.accessToken)
      #expect(try await sim.helix("GET", "users", token: expired).message == "Invalid OAuth token")
      let revoked = try sim.world.mintToken(clientID: HelixHarness.publicClient, userID: sim.viewer.id, scopes: [])
      #expect(try await sim.helix("GET", "users", token: revoked).status == 200)
      sim.world.revoke(accessToken: revoked.accessToken)
      #expect(try await sim.helix("GET", "users", token: revoked).status == 401)
    }
  }

  @Test func namesTheMissingScope() async throws {
    try await HelixHarness.run { sim in
      let token = try sim.world.mintToken(clientID: HelixHarness.publicClient, userID: sim.moderator.id, scopes: [])
      let chatters = "chat/chatters?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)"
      let reply = try await sim.helix("GET", chatters, token: token)
      #expect(reply.status == 401)
      #expect(
        reply.json == ["error": "Unauthorized", "status": 401, "message": "Missing scope: moderator:read:chatters"])
      // An authenticated refusal still carries the rate-limit headers.
      #expect(reply.header("Ratelimit-Remaining") != nil)
    }
  }

  @Test func checksTheModeratorAgainstTheTokenAndTheChannel() async throws {
    try await HelixHarness.run { sim in
      let b = sim.broadcaster.id
      let wrongUser = try await sim.helix("GET", "chat/chatters?broadcaster_id=\(b)&moderator_id=\(b)")
      #expect(wrongUser.status == 401)
      #expect(wrongUser.message == "The ID in moderator_id must match the user ID found in the request's OAuth token.")

      let viewerToken = try sim.world.mintToken(
        clientID: HelixHarness.publicClient, userID: sim.viewer.id, scopes: HelixHarness.allScopes)
      let notMod = try await sim.helix(
        "GET", "chat/chatters?broadcaster_id=\(b)&moderator_id=\(sim.viewer.id)", token: viewerToken)
      #expect(notMod.status == 403)
      #expect(notMod.json["error"] == "Forbidden")
      #expect(notMod.message == "The user in moderator_id is not one of the broadcaster's moderators.")

      let missing = try await sim.helix("GET", "chat/chatters?moderator_id=\(sim.moderator.id)")
      #expect(missing.status == 400)
      #expect(
        missing.json == [
          "error": "Bad Request", "status": 400, "message": "Missing required parameter \"broadcaster_id\"",
        ])
    }
  }

  @Test func appTokensCannotActAsAUser() async throws {
    try await HelixHarness.run { sim in
      let app = try sim.world.mintToken(clientID: HelixHarness.confidentialClient, userID: nil, scopes: [])
      let reply = try await sim.helix("GET", "users", token: app)
      #expect(reply.status == 400)
      #expect(reply.message == "Must provide an ID, Login or OAuth Token.")
      #expect(
        try await sim.helix("GET", "users?login=streamer", token: app).item()?["id"] == .string(sim.broadcaster.id))
      let ban = try await sim.helix(
        "POST", "moderation/bans?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)", token: app,
        json: ["data": ["user_id": .string(sim.viewer.id)]])
      #expect(ban.status == 401)
    }
  }
}
