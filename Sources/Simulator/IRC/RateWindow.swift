/// A sliding-window counter: at most `limit` events in any `window`. Twitch keeps its IRC
/// buckets per connection; this is the strictest reading of them.
struct RateWindow: Hashable, Sendable {
  let window: Duration
  private var times: [ContinuousClock.Instant] = []

  init(window: Duration) { self.window = window }

  /// Records an event at `now` if fewer than `limit` happened in the window before it.
  mutating func admit(at now: ContinuousClock.Instant, limit: Int) -> Bool {
    let horizon = now - window
    if let keep = times.firstIndex(where: { $0 > horizon }) {
      times.removeFirst(keep)
    } else {
      times.removeAll(keepingCapacity: true)
    }
    guard times.count < limit else { return false }
    times.append(now)
    return true
  }

  /// Events in the window ending at `now`.
  func count(at now: ContinuousClock.Instant) -> Int {
    let horizon = now - window
    return times.count { $0 > horizon }
  }
}
