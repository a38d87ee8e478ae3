/// A token bucket for one Helix token that follows the `Ratelimit-*` headers of every response.
/// Each request takes a point locally; each response overwrites the count with what Twitch
/// says. When the bucket is empty, or after a 429, requests wait until the bucket's reset.
public struct HelixRateLimiter: Sendable {
  public enum Decision: Sendable, Hashable {
    case proceed
    case wait(until: ContinuousClock.Instant)
  }

  public private(set) var limit: Int
  public private(set) var remaining: Int
  public private(set) var resetAt: ContinuousClock.Instant?
  /// How long to wait after a 429 that carries no `Ratelimit-Reset`.
  public var fallbackWait: Duration

  /// `limit` is Twitch's default (800 points a minute) until a response says otherwise.
  public init(limit: Int = 800, fallbackWait: Duration = .seconds(1)) {
    self.limit = limit
    self.remaining = limit
    self.fallbackWait = fallbackWait
  }

  /// Asks to send one request at `now`; `.proceed` takes a point.
  public mutating func acquire(now: ContinuousClock.Instant) -> Decision {
    if let reset = resetAt, now >= reset {
      remaining = limit
      resetAt = nil
    }
    if remaining > 0 {
      remaining -= 1
      return .proceed
    }
    // Empty without word of a reset: try again after the fallback, with a full bucket.
    let until = resetAt ?? now + fallbackWait
    resetAt = until
    return .wait(until: until)
  }

  /// Takes in a response: its status and rate-limit headers. `unixNow` is the wall-clock time
  /// in Unix seconds at `now`, to turn `Ratelimit-Reset` into an instant.
  public mutating func record(
    status: Int,
    headers: HelixRateLimitHeaders,
    now: ContinuousClock.Instant,
    unixNow: Double
  ) {
    if let limit = headers.limit, limit > 0 { self.limit = limit }
    if let remaining = headers.remaining { self.remaining = max(remaining, 0) }
    if let reset = headers.reset {
      let seconds = max(Double(reset) - unixNow, 0)
      resetAt = now + .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }
    if status == 429 {
      remaining = 0
      if headers.reset == nil { resetAt = now + fallbackWait }
    }
  }
}
