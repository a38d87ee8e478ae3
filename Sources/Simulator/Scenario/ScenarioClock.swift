/// Scenario time over real time: second `t` of a pass happens `t / speed` real seconds after
/// the pass started.
struct ScenarioClock: Sendable {
  let origin: ContinuousClock.Instant
  let speed: Double

  init(speed: Double, origin: ContinuousClock.Instant = .now) {
    self.origin = origin
    self.speed = speed
  }

  func instant(at seconds: Double) -> ContinuousClock.Instant { origin.advanced(by: real(seconds)) }

  /// Real time for `seconds` of scenario time.
  func real(_ seconds: Double) -> Duration { .seconds(max(0, seconds) / speed) }

  /// Sleeps until second `seconds` of the pass; throws `CancellationError` when cancelled.
  func sleep(until seconds: Double) async throws {
    let deadline = instant(at: seconds)
    if deadline > .now { try await Task.sleep(until: deadline, clock: .continuous) }
    try Task.checkCancellation()
  }
}
