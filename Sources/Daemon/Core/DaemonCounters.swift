import Synchronization

/// Counters the daemon reports in `status`, shared by its threads.
public final class DaemonCounters: Sendable {
  /// Active subscriptions on the event socket.
  let subscriptions = Atomic<Int>(0)
  /// Requests that reached a command handler.
  let commandsServed = Atomic<UInt64>(0)
  /// Replies with `ok: false`, malformed requests included.
  let commandsFailed = Atomic<UInt64>(0)
  /// Requests refused before any handler saw them (bad frames, JSON, fields, size).
  let malformedRequests = Atomic<UInt64>(0)
  /// Replies that could not be delivered because the client had gone.
  let repliesDropped = Atomic<UInt64>(0)

  public init() {}

  public var activeSubscriptions: Int { max(0, subscriptions.load(ordering: .relaxed)) }

  /// Every counter by its name in `status`.
  public func snapshot() -> [String: UInt64] {
    [
      "commands_served": commandsServed.load(ordering: .relaxed),
      "commands_failed": commandsFailed.load(ordering: .relaxed),
      "malformed_requests": malformedRequests.load(ordering: .relaxed),
      "replies_dropped": repliesDropped.load(ordering: .relaxed),
    ]
  }
}
