import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The outcome of charging one request: whether it may proceed, and the `Ratelimit-*`
/// headers Twitch sends with every authenticated response.
struct RateDecision: Sendable, Equatable {
  var allowed: Bool
  var limit: Int
  var remaining: Int
  /// Unix seconds when the bucket is full again.
  var reset: Int

  var headers: HTTPFields {
    [
      HelixHeaders.rateLimit: "\(limit)", HelixHeaders.rateRemaining: "\(remaining)",
      HelixHeaders.rateReset: "\(reset)",
    ]
  }
}

/// One bucket per key: Twitch keeps a bucket per client and user for user tokens, and one per
/// client for app tokens.
final class HelixRateLimiter: Sendable {
  private let capacity: Int
  private let refillSeconds: TimeInterval
  private let buckets = Mutex<[String: PointBucket]>([:])

  init(capacity: Int, refillSeconds: TimeInterval) {
    self.capacity = capacity
    self.refillSeconds = refillSeconds
  }

  func charge(_ key: String, cost: Int = 1, at now: Date) -> RateDecision {
    buckets.withLock { buckets in
      var bucket = buckets[key] ?? PointBucket(capacity: capacity, refillSeconds: refillSeconds, now: now)
      let allowed = bucket.take(cost, at: now)
      buckets[key] = bucket
      return RateDecision(
        allowed: allowed, limit: capacity, remaining: bucket.remaining,
        reset: Int(bucket.fullAt(after: now).timeIntervalSince1970.rounded(.up)))
    }
  }
}

/// Header names Helix uses.
enum HelixHeaders {
  static let clientID = HTTPField.Name("Client-Id")!
  static let rateLimit = HTTPField.Name("Ratelimit-Limit")!
  static let rateRemaining = HTTPField.Name("Ratelimit-Remaining")!
  static let rateReset = HTTPField.Name("Ratelimit-Reset")!
}
