import Foundation
import Synchronization

/// Fans every `SimEvent` out to each subscriber (the IRC server, the EventSub server, tests).
/// Subscribers get an unbounded stream: the world never waits for a surface.
public final class SimEventHub: Sendable {
  private let subscribers = Mutex<[UUID: AsyncStream<SimEvent>.Continuation]>([:])

  public init() {}

  /// A stream of every event published from now on; it ends when `cancel` is called.
  public func subscribe() -> (id: UUID, events: AsyncStream<SimEvent>) {
    let id = UUID()
    let (stream, continuation) = AsyncStream.makeStream(of: SimEvent.self)
    subscribers.withLock { $0[id] = continuation }
    continuation.onTermination = { [weak self] _ in
      _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
    }
    return (id, stream)
  }

  public func cancel(_ id: UUID) {
    let continuation = subscribers.withLock { $0.removeValue(forKey: id) }
    continuation?.finish()
  }

  public func publish(_ event: SimEvent) {
    for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
  }

  public var subscriberCount: Int { subscribers.withLock { $0.count } }
}
