import WardenProtocol

/// Exponential backoff with full jitter: attempt `n` (from 0) waits a uniformly random time in
/// `0...min(cap, base * 2^n)`. The attempt counter resets once a connection has stayed up for
/// `stablePeriod`.
///
/// The random numbers come from the generator the owner passes in, so tests use a seeded one.
public struct ReconnectBackoff: Sendable {
  public struct Configuration: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    /// How long a connection must stay up before the next failure counts as the first again.
    public var stablePeriod: Duration

    public init(base: Duration = .seconds(1), cap: Duration = .seconds(60), stablePeriod: Duration = .seconds(60)) {
      self.base = base
      self.cap = cap
      self.stablePeriod = stablePeriod
    }
  }

  public let configuration: Configuration
  /// How many delays were handed out since the last reset.
  public private(set) var attempt = 0
  private var connectedSince: ContinuousClock.Instant?

  public init(configuration: Configuration = .init()) {
    self.configuration = configuration
  }

  /// The largest delay that attempt `attempt` may wait: `min(cap, base * 2^attempt)`.
  public func ceiling(forAttempt attempt: Int) -> Duration {
    let base = max(configuration.base.wholeMilliseconds, 0)
    let cap = max(configuration.cap.wholeMilliseconds, 0)
    var value = base
    for _ in 0..<max(attempt, 0) {
      if value >= cap { break }
      value *= 2
    }
    return .milliseconds(min(value, cap))
  }

  /// The delay before the next attempt; counts the attempt.
  public mutating func nextDelay(using generator: inout some RandomNumberGenerator) -> Duration {
    let ceiling = UInt64(self.ceiling(forAttempt: attempt).wholeMilliseconds)
    attempt += 1
    connectedSince = nil
    return .milliseconds(Int64(generator.next() % (ceiling + 1)))
  }

  /// A connection is up (logged in, or welcomed) at `now`.
  public mutating func connectionEstablished(at now: ContinuousClock.Instant) {
    connectedSince = now
  }

  /// The connection went down at `now`; resets the attempts when it had been up long enough.
  public mutating func connectionLost(at now: ContinuousClock.Instant) {
    if let since = connectedSince, now - since >= configuration.stablePeriod {
      attempt = 0
    }
    connectedSince = nil
  }

  /// Starts over from the first attempt.
  public mutating func reset() {
    attempt = 0
    connectedSince = nil
  }
}
