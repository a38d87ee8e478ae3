import Foundation

/// Twitch's Helix rate limit as a value: a bucket of points that refills continuously, from
/// empty to full over `refillSeconds`. Each request takes its cost; an empty bucket refuses.
struct PointBucket: Sendable, Equatable {
  let capacity: Int
  let refillSeconds: TimeInterval
  private(set) var points: Double
  private(set) var updatedAt: Date

  init(capacity: Int, refillSeconds: TimeInterval, now: Date) {
    self.capacity = capacity
    self.refillSeconds = refillSeconds
    points = Double(capacity)
    updatedAt = now
  }

  /// Takes `cost` points if the bucket holds them; returns whether it did.
  mutating func take(_ cost: Int = 1, at now: Date) -> Bool {
    refill(to: now)
    guard points >= Double(cost) else { return false }
    points -= Double(cost)
    return true
  }

  /// Whole points left (`Ratelimit-Remaining`).
  var remaining: Int { Int(points.rounded(.down)) }

  /// When the bucket will be full again (`Ratelimit-Reset`, as Unix seconds rounded up).
  func fullAt(after now: Date) -> Date {
    let perPoint = refillSeconds / Double(max(capacity, 1))
    return now.addingTimeInterval((Double(capacity) - current(at: now)) * perPoint)
  }

  private func current(at now: Date) -> Double {
    let elapsed = max(0, now.timeIntervalSince(updatedAt))
    return min(Double(capacity), points + elapsed * Double(capacity) / refillSeconds)
  }

  private mutating func refill(to now: Date) {
    points = current(at: now)
    updatedAt = max(updatedAt, now)
  }
}
