import Foundation
import Testing
import TwitchSimCore

@testable import TwitchSimHelix

/// The point bucket as a value, and the `Ratelimit-*` headers and 429s over HTTP.
@Suite struct RateLimitTests {
  static let start = Date(timeIntervalSince1970: 1_700_000_000)

  @Test(arguments: [
    // (requests taken at the start, seconds later, expected remaining after one more request)
    (0, 0.0, 9), (10, 0.0, -1), (10, 6.0, 0), (10, 30.0, 4), (5, 600.0, 9),
  ])
  func bucketRefillsContinuously(taken: Int, later: Double, remaining: Int) {
    var bucket = PointBucket(capacity: 10, refillSeconds: 60, now: Self.start)
    for _ in 0..<taken {
      let took = bucket.take(at: Self.start)
      #expect(took)
    }
    let allowed = bucket.take(at: Self.start.addingTimeInterval(later))
    #expect(allowed == (remaining >= 0))
    #expect(bucket.remaining == max(remaining, 0))
  }

  @Test func resetIsWhenTheBucketIsFullAgain() {
    var bucket = PointBucket(capacity: 800, refillSeconds: 60, now: Self.start)
    #expect(bucket.fullAt(after: Self.start) == Self.start)
    for _ in 0..<800 { _ = bucket.take(at: Self.start) }
    #expect(bucket.fullAt(after: Self.start) == Self.start.addingTimeInterval(60))
    #expect(bucket.fullAt(after: Self.start.addingTimeInterval(15)) == Self.start.addingTimeInterval(60))
  }

  @Test func everyAuthenticatedResponseCarriesTheHeaders() async throws {
    // A bucket that practically never refills, so the count is exact.
    var options = HelixAPI.Options()
    options.refillSeconds = 1e9
    try await HelixHarness.run(helix: options) { sim in
      let first = try await sim.helix("GET", "users")
      let second = try await sim.helix("GET", "users")
      #expect(first.header("Ratelimit-Limit") == "800")
      #expect(first.header("Ratelimit-Remaining") == "799")
      #expect(second.header("Ratelimit-Remaining") == "798")
      let reset = try #require(Int(second.header("Ratelimit-Reset") ?? ""))
      #expect(reset >= Int(Date().timeIntervalSince1970))
    }
  }

  @Test func anEmptyBucketAnswers429UntilItRefills() async throws {
    var options = HelixAPI.Options()
    options.bucketSize = 3
    options.refillSeconds = 3600
    try await HelixHarness.run(helix: options) { sim in
      for expected in ["2", "1", "0"] {
        #expect(try await sim.helix("GET", "users").header("Ratelimit-Remaining") == expected)
      }
      let refused = try await sim.helix("GET", "users")
      #expect(refused.status == 429)
      #expect(refused.json == ["error": "Too Many Requests", "status": 429, "message": "Too Many Requests"])
      #expect(refused.header("Ratelimit-Remaining") == "0")
      #expect(refused.header("Ratelimit-Limit") == "3")
      // Another user of the same client has a bucket of their own.
      #expect(try await sim.helix("GET", "users", token: sim.broadcasterToken).status == 200)
      // A refused request records nothing.
      let ban = try await sim.helix(
        "POST", "moderation/bans?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)",
        json: ["data": ["user_id": .string(sim.viewer.id)]])
      #expect(ban.status == 429)
      #expect(sim.world.actions(kind: "ban").isEmpty)
    }
  }
}

/// Faults injected through the world: statuses for the next requests, and latency.
@Suite struct HelixFaultTests {
  @Test(arguments: [(500, "Internal Server Error"), (502, "Bad Gateway"), (503, "Service Unavailable")])
  func failsTheNextRequestsWithTheStatus(status: Int, phrase: String) async throws {
    try await HelixHarness.run { sim in
      var faults = HelixFaults()
      faults.failStatus = status
      faults.failCount = 2
      sim.world.helixFaults = faults
      for _ in 0..<2 {
        let reply = try await sim.helix("GET", "users")
        #expect(reply.status == status)
        #expect(reply.json == ["error": .string(phrase), "status": .int(Int64(status)), "message": ""])
      }
      #expect(try await sim.helix("GET", "users").status == 200)
    }
  }

  @Test func aFaulted429LooksLikeAnEmptyBucket() async throws {
    try await HelixHarness.run { sim in
      var faults = HelixFaults()
      faults.failStatus = 429
      faults.failCount = 1
      faults.latencyMS = 5
      sim.world.helixFaults = faults
      let reply = try await sim.helix("GET", "users")
      #expect(reply.status == 429)
      #expect(reply.header("Ratelimit-Remaining") == "0")
      #expect(reply.header("Ratelimit-Reset") != nil)
      // Latency stays while set; the request still succeeds.
      #expect(try await sim.helix("GET", "users").status == 200)
    }
  }
}
