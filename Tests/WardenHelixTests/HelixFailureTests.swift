import Foundation
import Testing
import TwitchSimCore
import WardenHelix
import WardenTestSupport

/// Twitch's refusals, rate limits, failures and 401s, as `HelixClient` handles them.
@Suite struct HelixFailureTests {
  private func signedIn(
    _ sim: SimFixture, _ temp: borrowing TemporaryDirectory, scopes: [String] = SimFixture.moderatorScopes,
    user: SimUser? = nil, changes: ChangeLog? = nil
  ) async throws -> (HelixClient, TokenManager) {
    let manager = sim.manager(directory: temp.path, onChange: changes?.handler)
    try await manager.install(try sim.mint(user, scopes: scopes))
    return (sim.helix(tokens: manager), manager)
  }

  @Test func twitchsRefusalsAreSurfacedInItsOwnWords() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let (helix, _) = try await signedIn(sim, temp)
      let channel = sim.streamer.id
      let moderator = sim.moderator.id
      _ = try await helix.banUser(broadcasterID: channel, moderatorID: moderator, userID: sim.troll.id)

      let again = try await #require(throws: HelixError.self) {
        try await helix.banUser(broadcasterID: channel, moderatorID: moderator, userID: sim.troll.id)
      }
      #expect(again.kind == .badRequest && again.status == 400 && !again.isRetryable)
      #expect(again.endpoint == .banUser)
      #expect(
        again.description
          == "Twitch refused the ban (400): The user specified in the user_id field is already banned.")

      let ghost = try await #require(throws: HelixError.self) {
        try await helix.banUser(broadcasterID: channel, moderatorID: moderator, userID: "999999999")
      }
      #expect(ghost.message == "The user specified in the user_id field does not exist.")

      let notBanned = try await #require(throws: HelixError.self) {
        try await helix.unbanUser(broadcasterID: channel, moderatorID: moderator, userID: sim.viewer.id)
      }
      #expect(notBanned.description.hasPrefix("Twitch refused the unban (400)"))
    }
  }

  @Test func notAModeratorIsForbidden() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let (helix, _) = try await signedIn(sim, temp, user: sim.viewer)
      let error = try await #require(throws: HelixError.self) {
        try await helix.banUser(broadcasterID: sim.streamer.id, moderatorID: sim.viewer.id, userID: sim.troll.id)
      }
      #expect(error.kind == .forbidden && error.status == 403)
      #expect(error.message == "The user in moderator_id is not one of the broadcaster's moderators.")
      #expect(sim.actions("ban").isEmpty)
    }
  }

  @Test func actingAsSomeoneElseIsForbiddenAndDoesNotRefresh() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let changes = ChangeLog()
      let (helix, _) = try await signedIn(sim, temp, changes: changes)
      let error = try await #require(throws: HelixError.self) {
        try await helix.banUser(broadcasterID: sim.streamer.id, moderatorID: sim.streamer.id, userID: sim.troll.id)
      }
      #expect(error.kind == .forbidden && error.status == 401)
      #expect(error.message?.contains("moderator_id must match") == true)
      #expect(changes.names == ["loggedIn"])
    }
  }

  @Test func aMissingScopeIsForbiddenAndDoesNotRefresh() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let changes = ChangeLog()
      let (helix, _) = try await signedIn(sim, temp, scopes: ["user:read:chat"], changes: changes)
      let error = try await #require(throws: HelixError.self) {
        try await helix.warnUser(
          broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id, reason: "x")
      }
      #expect(error.kind == .forbidden && error.status == 401)
      #expect(error.description == "Twitch refused the warning (401): Missing scope: moderator:manage:warnings")
      #expect(changes.names == ["loggedIn"], "a missing scope is not fixed by a refresh")
    }
  }

  @Test func serverFailuresAreRetried() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let (helix, _) = try await signedIn(sim, temp)
      var faults = HelixFaults()
      faults.failStatus = 503
      faults.failCount = 2
      sim.world.helixFaults = faults
      try await helix.warnUser(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id, reason: "calm down")
      #expect(sim.actions("warn").count == 1)
      #expect(sim.world.helixFaults.failCount == 0, "both failures were consumed")

      faults.failStatus = 500
      faults.failCount = 10
      sim.world.helixFaults = faults
      let error = try await #require(throws: HelixError.self) {
        try await helix.warnUser(
          broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id, reason: "again")
      }
      #expect(error.kind == .server && error.status == 500 && error.isRetryable)
      #expect(sim.world.helixFaults.failCount == 6, "one try and three retries")
      #expect(sim.actions("warn").count == 1)
    }
  }

  @Test func a429WaitsForTheResetAndRetries() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let capture = LogCapture()
      let manager = sim.manager(directory: temp.path)
      try await manager.install(try sim.mint())
      let helix = sim.helix(tokens: manager, logger: capture.logger)
      var faults = HelixFaults()
      faults.failStatus = 429
      faults.failCount = 1
      sim.world.helixFaults = faults
      let ban = try await helix.banUser(
        broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, userID: sim.troll.id)
      #expect(ban.userID == sim.troll.id)
      #expect(sim.actions("ban").count == 1)
      #expect(capture.text.contains("rate limit reached"))
      #expect(capture.text.contains("http.status=429"))
      #expect(capture.text.contains("twitch.endpoint=POST /moderation/bans"))
    }
  }

  @Test func anEmptyBucketMakesRequestsWaitInsteadOfFailing() async throws {
    try await SimFixture.run(.smallBucket) { sim in
      let temp = TemporaryDirectory("wh")
      let capture = LogCapture()
      let manager = sim.manager(directory: temp.path)
      try await manager.install(try sim.mint())
      let helix = sim.helix(tokens: manager, logger: capture.logger)
      for _ in 0..<5 {
        _ = try await helix.users(logins: ["streamer"])
      }
      #expect(capture.text.contains("bucket empty; waiting"))
      #expect(!capture.text.contains("http.status=429"), "the headers said when to wait; Twitch never had to refuse")
    }
  }

  @Test func concurrent401sCauseOneRefreshAndEveryCallSucceeds() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let changes = ChangeLog()
      let (helix, manager) = try await signedIn(sim, temp, changes: changes)
      let old = try #require(await manager.accessToken())
      sim.world.expire(accessToken: old)
      let counts = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<8 { group.addTask { try await helix.users(logins: ["streamer"]).count } }
        return try await group.reduce(into: [Int]()) { $0.append($1) }
      }
      #expect(counts == Array(repeating: 1, count: 8))
      #expect(changes.names == ["loggedIn", "refreshed"])
      #expect(sim.world.allTokens.filter { $0.userID == sim.moderator.id }.count == 2)
      #expect(await manager.accessToken() != old)
    }
  }

  @Test func aRevokedTokenEndsInRevokedAndNoToken() async throws {
    try await SimFixture.run { sim in
      let temp = TemporaryDirectory("wh")
      let changes = ChangeLog()
      let (helix, manager) = try await signedIn(sim, temp, changes: changes)
      #expect(sim.world.revoke(accessToken: try #require(await manager.accessToken())))
      let error = try await #require(throws: HelixError.self) {
        try await helix.deleteChatMessages(
          broadcasterID: sim.streamer.id, moderatorID: sim.moderator.id, messageID: nil)
      }
      #expect(error.kind == .unauthorized && error.status == 401)
      #expect(error.description.contains("warden login"))
      #expect(changes.names == ["loggedIn", "revoked"])
      #expect(await manager.status.state == .revoked)
      let next = try await #require(throws: HelixError.self) { try await helix.users() }
      #expect(next.kind == .noToken)
      #expect(next.description.contains("Not signed in"))
    }
  }

  @Test func anUnreachableTwitchIsANetworkError() async throws {
    let temp = TemporaryDirectory("wh")
    var manager: TokenManager?
    try await SimFixture.run { sim in
      let signedIn = sim.manager(directory: temp.path)
      try await signedIn.install(try sim.mint())
      manager = signedIn
    }
    // The simulator is gone: nothing listens on its port any more.
    let helix = HelixClient(
      baseURL: URL(string: "http://127.0.0.1:9/helix")!, clientID: SimFixture.publicClient,
      tokens: try #require(manager), retryPolicy: .quick, logger: .quiet)
    let error = try await #require(throws: HelixError.self) { try await helix.users(ids: ["1"]) }
    #expect(error.kind == .network && error.isRetryable)
    #expect(error.description.hasPrefix("Could not reach Twitch for the user lookup"))
  }
}
