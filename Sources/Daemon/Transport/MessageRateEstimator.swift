/// The recent chat rate of one shard, from a running count sampled at every watchdog tick:
/// messages per second over (about) the last `window`.
struct MessageRateEstimator: Sendable {
  let window: Duration
  private var samples: [(at: ContinuousClock.Instant, count: Int)] = []

  init(window: Duration) {
    self.window = window
  }

  mutating func sample(at now: ContinuousClock.Instant, count: Int) {
    samples.append((now, count))
    // Keep one sample at or beyond the window's start, so the span stays about `window` long.
    while samples.count > 1 && now - samples[1].at >= window { samples.removeFirst() }
  }

  /// Messages per second between the oldest sample kept and (`now`, `count`); 0 without history.
  func perSecond(at now: ContinuousClock.Instant, count: Int) -> Double {
    guard let first = samples.first else { return 0 }
    let span = (now - first.at).seconds
    guard span > 0 else { return 0 }
    return Double(max(count - first.count, 0)) / span
  }
}

extension Duration {
  /// The duration in seconds, as a floating-point number.
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) / 1e18
  }
}
