import Synchronization

/// Tells every subscriber that something changed (channels, the authorization). Each
/// subscriber gets its own stream; notifications that arrive while it is busy collapse into one.
final class ChangeSignal: Sendable {
  private let continuations = Mutex<[AsyncStream<Void>.Continuation]>([])

  /// A stream that yields once per change (at most one pending).
  func subscribe() -> AsyncStream<Void> {
    let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    continuations.withLock { $0.append(continuation) }
    return stream
  }

  func notify() {
    for continuation in continuations.withLock({ $0 }) { continuation.yield() }
  }

  func finish() {
    for continuation in continuations.withLock({ $0 }) { continuation.finish() }
  }
}
