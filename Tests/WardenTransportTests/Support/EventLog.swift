import Synchronization
import WardenGateway
import WardenIRC
import WardenTransport

/// Everything a client reported, in order, safe to append to from any thread.
final class EventLog<Event: Sendable>: Sendable {
  private let events = Mutex<[Event]>([])

  func append(_ event: Event) {
    events.withLock { $0.append(event) }
  }

  var all: [Event] { events.withLock { $0 } }

  func count(where predicate: (Event) -> Bool) -> Int {
    events.withLock { $0.count(where: predicate) }
  }
}

extension EventLog where Event == IRCClientEvent {
  /// The texts of PRIVMSGs in `channel`, in the order received.
  func texts(in channel: String) -> [String] {
    all.compactMap { event in
      guard case .message(.privmsg(let message), _, _) = event, message.channel == channel else { return nil }
      return message.text
    }
  }

  /// Connection reports, in order.
  var reports: [IRCConnectionReport] {
    all.compactMap { event in
      if case .connection(let report) = event { return report }
      return nil
    }
  }

  /// Whether connection `connection` reported `phase` at least `times` times.
  func reported(_ phase: ConnectionPhase, connection: Int = 1, times: Int = 1) -> Bool {
    reports.count { $0.phase == phase && $0.connection == connection } >= times
  }

  /// Lines with this IRC command (for untyped lines such as `001`, `JOIN`, `PART`).
  func lines(_ command: String) -> [IRCLine] {
    all.compactMap { event in
      guard case .message(.other(let line), _, _) = event, line.command == command else { return nil }
      return line
    }
  }

  var gaps: [(connection: Int, channels: [String], downFor: Duration, estimatedMissed: Int)] {
    all.compactMap { event in
      guard case .possibleGap(let connection, let channels, let downFor, let missed) = event else { return nil }
      return (connection, channels, downFor, missed)
    }
  }
}

/// A service's `run()` in a task, stopped by cancelling it.
struct Running: Sendable {
  let task: Task<Void, any Error>

  init(_ run: @escaping @Sendable () async throws -> Void) {
    task = Task { try await run() }
  }

  func stop() async {
    task.cancel()
    _ = try? await task.value
  }
}
