import Synchronization

/// A queue behind a lock through which other threads hand work to a `ZMQLoop`'s driver:
/// post, then wake the loop; the driver drains it in `woken()` and closes it when it ends, so
/// nothing posted afterwards waits forever.
public final class Mailbox<Element: Sendable>: Sendable {
  private let state = Mutex<(queue: [Element], closed: Bool)>(([], false))

  /// The mailbox's loop has ended.
  public struct Closed: Error, Sendable {}

  public init() {}

  /// Queues an element; returns whether the queue was empty before, that is whether the loop
  /// needs a wake-up (a non-empty queue already has one pending).
  @discardableResult
  public func post(_ element: Element) throws(Closed) -> Bool {
    let result: Bool? = state.withLock { state in
      if state.closed { return nil }
      state.queue.append(element)
      return state.queue.count == 1
    }
    guard let result else { throw Closed() }
    return result
  }

  /// Takes everything queued, oldest first.
  public func drain() -> [Element] {
    state.withLock { state in
      defer { state.queue = [] }
      return state.queue
    }
  }

  /// Refuses later posts and returns what was still queued.
  public func close() -> [Element] {
    state.withLock { state in
      state.closed = true
      defer { state.queue = [] }
      return state.queue
    }
  }
}
