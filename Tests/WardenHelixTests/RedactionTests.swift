import Foundation
import Testing
import TwitchSimCore
import WardenHelix
import WardenTestSupport

/// Tokens, secrets and device codes stay out of descriptions, errors and logs.
@Suite struct RedactionTests {
  @Test func descriptionsHideTheSecrets() {
    let credentials = TwitchCredentials(clientID: "abc", clientSecret: "s3cr3t-value")
    let token = OAuthToken(
      accessToken: "access-value-123", refreshToken: "refresh-value-456", scopes: ["chat:read"], login: "moddy")
    let device = DeviceAuthorization(
      deviceCode: "device-code-789", userCode: "ABCDEFGH", verificationURI: "https://www.twitch.tv/activate",
      expiresIn: 1800, interval: 5, expiresAt: Date(), scopes: [])
    var dumped = ""
    dump(credentials, to: &dumped)
    dump(token, to: &dumped)
    dump(device, to: &dumped)
    let texts = [
      credentials.description, String(reflecting: credentials), "\(token)", String(reflecting: token),
      "\(device)", String(reflecting: device), dumped, "\([token])", "\(Optional(token) as Any)",
    ]
    for text in texts {
      for secret in ["s3cr3t-value", "access-value-123", "refresh-value-456", "device-code-789"] {
        #expect(!text.contains(secret), "\(text)")
      }
    }
    #expect(credentials.description.contains("abc"))
    #expect(token.description.contains("moddy"))
    #expect(device.description.contains("ABCDEFGH"))
  }

  @Test func noTokenReachesTheLogsOrTheErrors() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let capture = LogCapture()
      var errors: [String] = []
      let oauth = OAuthClient(
        baseURL: sim.oauthURL, credentials: sim.credentials(SimFixture.confidentialClient), logger: capture.logger)
      let manager = TokenManager(
        oauth: oauth, store: TokenStore(directory: temp.path), logger: capture.logger)
      let token = try sim.mint(client: SimFixture.confidentialClient)
      try await manager.install(token)
      let helix = HelixClient(
        baseURL: sim.helixURL, clientID: SimFixture.confidentialClient, tokens: manager,
        retryPolicy: .quick, logger: capture.logger)

      // Successes, refusals, a refresh after a 401, retries, and a revoked token.
      _ = try await helix.users(logins: ["streamer"])
      _ = try await helix.banUser(broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id)
      do {
        _ = try await helix.banUser(
          broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id)
      } catch {
        errors += ["\(error)", String(reflecting: error)]
      }
      sim.world.expire(accessToken: token.accessToken)
      _ = try await helix.users(logins: ["streamer"])
      var faults = HelixFaults()
      faults.failStatus = 502
      faults.failCount = 1
      sim.world.helixFaults = faults
      _ = try await helix.users(logins: ["viewer"])
      let current = try #require(await manager.userToken)
      _ = sim.world.revoke(accessToken: current.accessToken)
      do {
        _ = try await helix.users()
      } catch {
        errors += ["\(error)", String(reflecting: error)]
      }
      do {
        _ = try await oauth.validate(accessToken: current.accessToken)
      } catch { errors.append("\(error)") }
      do {
        _ = try await oauth.refresh(refreshToken: current.refreshToken ?? "")
      } catch { errors.append("\(error)") }
      errors.append("\(await manager.status)")

      let secrets = [
        token.accessToken, token.refreshToken ?? "-", current.accessToken, current.refreshToken ?? "-",
        SimFixture.secret,
      ]
      let everything = capture.text + "\n" + errors.joined(separator: "\n")
      #expect(capture.text.contains("http.status=401"), "the 401 was logged")
      #expect(errors.count >= 5)
      for secret in secrets {
        #expect(!everything.contains(secret))
      }
      #expect(!everything.lowercased().contains("bearer "))
      #expect(!everything.contains("Authorization"))
    }
  }
}
