import WardenProtocol

/// What to do after a Helix request ended: 5xx and network errors retry with exponential backoff
/// up to `maxRetries` times; 401 refreshes the token once and retries; 429 waits for the rate
/// limiter and retries; anything else succeeds (2xx) or fails.
public struct HelixRetryPolicy: Sendable, Hashable {
  public enum Outcome: Sendable, Hashable {
    case status(Int)
    case networkError
  }

  public enum Decision: Sendable, Hashable {
    case succeed
    case retry(after: Duration)
    case refreshTokenThenRetry
    /// Ask `HelixRateLimiter.acquire` again (it waits until the reset), then retry.
    case retryAfterRateLimit
    case fail
  }

  /// The state of one request across attempts.
  public struct Attempts: Sendable, Hashable {
    public var retries = 0
    public var refreshedToken = false
    public var rateLimited = 0

    public init() {}
  }

  public var maxRetries: Int
  public var maxRateLimitRetries: Int
  public var base: Duration
  public var cap: Duration

  public init(
    maxRetries: Int = 3,
    maxRateLimitRetries: Int = 5,
    base: Duration = .milliseconds(500),
    cap: Duration = .seconds(8)
  ) {
    self.maxRetries = maxRetries
    self.maxRateLimitRetries = maxRateLimitRetries
    self.base = base
    self.cap = cap
  }

  /// Decides after `outcome`, counting the attempt in `attempts`.
  public func decide(_ outcome: Outcome, attempts: inout Attempts) -> Decision {
    switch outcome {
    case .status(let code) where (200..<300).contains(code):
      return .succeed
    case .status(401):
      guard !attempts.refreshedToken else { return .fail }
      attempts.refreshedToken = true
      return .refreshTokenThenRetry
    case .status(429):
      guard attempts.rateLimited < maxRateLimitRetries else { return .fail }
      attempts.rateLimited += 1
      return .retryAfterRateLimit
    case .status(let code) where (500..<600).contains(code):
      return backoff(&attempts)
    case .networkError:
      return backoff(&attempts)
    case .status:
      return .fail
    }
  }

  private func backoff(_ attempts: inout Attempts) -> Decision {
    guard attempts.retries < maxRetries else { return .fail }
    var delay = base.wholeMilliseconds
    for _ in 0..<attempts.retries where delay < cap.wholeMilliseconds { delay *= 2 }
    attempts.retries += 1
    return .retry(after: .milliseconds(min(delay, cap.wholeMilliseconds)))
  }
}
