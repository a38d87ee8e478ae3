import Foundation
import Synchronization
import WardenHelix

/// Time that moves only when a test says so: `advance(by:)` wakes every sleeper whose deadline
/// has come.
final class ManualClock: Sendable {
  private struct Sleeper {
    var deadline: Date
    var continuation: CheckedContinuation<Void, any Error>
  }

  private struct State {
    var now: Date
    var sleepers: [UUID: Sleeper] = [:]
    var cancelled: Set<UUID> = []
  }

  private let state: Mutex<State>

  init(start: Date = Date()) {
    state = Mutex(State(now: start))
  }

  var now: Date { state.withLock { $0.now } }

  /// How many tasks are sleeping on this clock.
  var sleepers: Int { state.withLock { $0.sleepers.count } }

  var authClock: AuthClock {
    AuthClock(now: { self.now }, sleepUntil: { try await self.sleep(until: $0) })
  }

  func advance(by seconds: TimeInterval) {
    let due = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
      state.now = state.now.addingTimeInterval(seconds)
      let now = state.now
      let ready = state.sleepers.filter { $0.value.deadline <= now }
      for id in ready.keys { state.sleepers[id] = nil }
      return ready.values.map(\.continuation)
    }
    for continuation in due { continuation.resume() }
  }

  func sleep(until deadline: Date) async throws {
    let id = UUID()
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let outcome: Result<Void, any Error>? = state.withLock { state in
          if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
          if state.now >= deadline { return .success(()) }
          state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
          return nil
        }
        if let outcome { continuation.resume(with: outcome) }
      }
    } onCancel: {
      let sleeper = state.withLock { state in
        guard let sleeper = state.sleepers.removeValue(forKey: id) else {
          state.cancelled.insert(id)
          return nil as Sleeper?
        }
        return sleeper
      }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }
}
