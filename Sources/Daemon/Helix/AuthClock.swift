import Foundation

/// Wall-clock time and waiting for the OAuth client and the token manager. Injectable, so
/// that tests move time forward instead of waiting for it.
public struct AuthClock: Sendable {
  /// The current time.
  public var now: @Sendable () -> Date
  /// Returns at `deadline` (at once when it has passed); throws `CancellationError` when the
  /// task is cancelled.
  public var sleepUntil: @Sendable (Date) async throws -> Void

  /// Time from `now`; waiting through `sleepUntil`.
  public init(now: @escaping @Sendable () -> Date, sleepUntil: @escaping @Sendable (Date) async throws -> Void) {
    self.now = now
    self.sleepUntil = sleepUntil
  }

  /// Real time.
  public static let system = AuthClock(
    now: { Date() },
    sleepUntil: { deadline in
      let seconds = deadline.timeIntervalSinceNow
      if seconds > 0 {
        try await Task.sleep(for: .interval(seconds))
      } else {
        try Task.checkCancellation()
      }
    })

  /// Waits `duration` from now.
  func sleep(for duration: Duration) async throws {
    try await sleepUntil(now().addingTimeInterval(duration.timeInterval))
  }

  /// Now in ms since the Unix epoch.
  var nowMS: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded(.down)) }
}
