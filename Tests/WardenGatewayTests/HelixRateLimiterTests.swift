import Testing
import WardenGateway

@Suite struct HelixRateLimiterTests {
  private let t0 = ContinuousClock.now
  private let unix = 1_800_000_000.0

  @Test func followsTheHeadersOfEachResponse() {
    var limiter = HelixRateLimiter()
    #expect(limiter.acquire(now: t0) == .proceed)
    limiter.record(
      status: 200, headers: .init(limit: 800, remaining: 1, reset: Int64(unix) + 5), now: t0, unixNow: unix)
    #expect(limiter.acquire(now: t0) == .proceed)
    #expect(limiter.acquire(now: t0 + .seconds(1)) == .wait(until: t0 + .seconds(5)))
    #expect(limiter.acquire(now: t0 + .seconds(5)) == .proceed)
    #expect(limiter.remaining == 799)
  }

  @Test func limitComesFromTheHeaders() {
    var limiter = HelixRateLimiter()
    limiter.record(status: 200, headers: .init(limit: 2, remaining: 0, reset: Int64(unix) + 60), now: t0, unixNow: unix)
    #expect(limiter.limit == 2)
    let later = t0 + .seconds(60)
    let decisions = [t0, later, later, later].map { limiter.acquire(now: $0) }
    #expect(decisions == [.wait(until: later), .proceed, .proceed, .wait(until: later + .seconds(1))])
  }

  @Test func a429WaitsUntilTheReset() {
    var limiter = HelixRateLimiter()
    limiter.record(
      status: 429, headers: .init(limit: 800, remaining: 12, reset: Int64(unix) + 3), now: t0, unixNow: unix + 0.5)
    #expect(limiter.acquire(now: t0) == .wait(until: t0 + .milliseconds(2500)))
    #expect(limiter.acquire(now: t0 + .seconds(2)) == .wait(until: t0 + .milliseconds(2500)))
    #expect(limiter.acquire(now: t0 + .milliseconds(2500)) == .proceed)
  }

  @Test func a429WithoutHeadersWaitsTheFallback() {
    var limiter = HelixRateLimiter(fallbackWait: .seconds(2))
    limiter.record(status: 429, headers: .init(), now: t0, unixNow: unix)
    #expect(limiter.acquire(now: t0) == .wait(until: t0 + .seconds(2)))
    #expect(limiter.acquire(now: t0 + .seconds(2)) == .proceed)
  }

  @Test func anEmptyBucketWithoutAResetRefillsAfterTheFallback() {
    var limiter = HelixRateLimiter(limit: 1, fallbackWait: .seconds(1))
    #expect(limiter.acquire(now: t0) == .proceed)
    #expect(limiter.acquire(now: t0) == .wait(until: t0 + .seconds(1)))
    #expect(limiter.acquire(now: t0 + .milliseconds(500)) == .wait(until: t0 + .seconds(1)))
    #expect(limiter.acquire(now: t0 + .seconds(1)) == .proceed)
  }

  @Test(arguments: [
    (
      [("Ratelimit-Limit", "800"), ("Ratelimit-Remaining", "799"), ("Ratelimit-Reset", "1800000060")],
      HelixRateLimitHeaders(limit: 800, remaining: 799, reset: 1_800_000_060)
    ),
    ([("ratelimit-limit", " 120 "), ("RATELIMIT-REMAINING", "0")], HelixRateLimitHeaders(limit: 120, remaining: 0)),
    ([("Ratelimit-Limit", "lots"), ("Content-Type", "application/json")], HelixRateLimitHeaders()),
  ])
  func parsesHeaders(headers: [(String, String)], expected: HelixRateLimitHeaders) {
    #expect(HelixRateLimitHeaders(headers: headers.map { (name: $0.0, value: $0.1) }) == expected)
  }
}

@Suite struct HelixRetryPolicyTests {
  typealias Outcome = HelixRetryPolicy.Outcome
  typealias Decision = HelixRetryPolicy.Decision

  /// Outcomes of the attempts of one request → the decision after each.
  @Test(arguments: [
    ([Outcome.status(200)], [Decision.succeed]),
    ([.status(204)], [.succeed]),
    (
      [.status(500), .status(502), .status(503), .status(504)],
      [.retry(after: .milliseconds(500)), .retry(after: .seconds(1)), .retry(after: .seconds(2)), .fail]
    ),
    ([.networkError, .status(200)], [.retry(after: .milliseconds(500)), .succeed]),
    (
      [.networkError, .networkError, .networkError, .networkError],
      [.retry(after: .milliseconds(500)), .retry(after: .seconds(1)), .retry(after: .seconds(2)), .fail]
    ),
    ([.status(401), .status(200)], [.refreshTokenThenRetry, .succeed]),
    ([.status(401), .status(401)], [.refreshTokenThenRetry, .fail]),
    ([.status(401), .status(500), .status(401)], [.refreshTokenThenRetry, .retry(after: .milliseconds(500)), .fail]),
    ([.status(429), .status(429), .status(200)], [.retryAfterRateLimit, .retryAfterRateLimit, .succeed]),
    ([.status(400)], [.fail]),
    ([.status(403)], [.fail]),
    ([.status(404)], [.fail]),
    ([.status(409)], [.fail]),
  ])
  func decisions(outcomes: [Outcome], expected: [Decision]) {
    let policy = HelixRetryPolicy()
    var attempts = HelixRetryPolicy.Attempts()
    let decisions = outcomes.map { policy.decide($0, attempts: &attempts) }
    #expect(decisions == expected)
  }

  @Test func backoffIsCapped() {
    let policy = HelixRetryPolicy(maxRetries: 10, base: .seconds(1), cap: .seconds(5))
    var attempts = HelixRetryPolicy.Attempts()
    let delays = (0..<5).map { _ in policy.decide(.status(503), attempts: &attempts) }
    #expect(delays == [1, 2, 4, 5, 5].map { .retry(after: .seconds($0)) })
  }

  @Test func endlessRateLimitingGivesUp() {
    let policy = HelixRetryPolicy(maxRateLimitRetries: 2)
    var attempts = HelixRetryPolicy.Attempts()
    let decisions = (0..<3).map { _ in policy.decide(.status(429), attempts: &attempts) }
    #expect(decisions == [.retryAfterRateLimit, .retryAfterRateLimit, .fail])
  }
}
