import Foundation
import Synchronization

/// When each device code was last polled, so polls faster than the interval get `slow_down`.
final class DevicePollLog: Sendable {
  private let polls = Mutex<[String: Date]>([:])

  /// Notes a poll; returns whether it came sooner than `interval` seconds after the last one.
  func poll(_ deviceCode: String, at now: Date, interval: TimeInterval) -> Bool {
    polls.withLock { polls in
      defer { polls[deviceCode] = now }
      guard let last = polls[deviceCode] else { return false }
      return now.timeIntervalSince(last) < interval
    }
  }

  func forget(_ deviceCode: String) {
    _ = polls.withLock { $0.removeValue(forKey: deviceCode) }
  }
}
