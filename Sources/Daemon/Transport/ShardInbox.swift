import Synchronization
import WardenGateway

/// The reading side of one shard (connection number), shared by its sockets: one lock that
/// orders everything the handler receives about the shard, the last-line times the watchdog
/// reads, the chat count behind the rate estimate, and duplicate suppression while two sockets
/// overlap during a handover (and until the new one has caught up).
final class ShardInbox: Sendable {
  /// Duplicate suppression around a handover.
  enum Dedupe: Sendable {
    /// One socket: nothing to suppress.
    case off
    /// Two sockets deliver: every line is remembered, and a line seen before is dropped.
    case overlap
    /// The old socket is gone, but the new one may still be behind it: its lines already seen
    /// are dropped until it delivers a chat line nobody saw (it has then passed the old
    /// socket's last line, since both carry the channel's chat in the same order).
    case tail
  }

  struct State {
    var dedupe = Dedupe.off
    /// The lines seen during the overlap (whole lines), so both sockets' copies are passed on once.
    var seen = MessageDeduplicator(capacity: 50_000)
    var lastLine: [ConnectionID: ContinuousClock.Instant] = [:]
    /// Sockets closed (or drained after a handover) whose remaining lines must not reach the
    /// handler: the socket that replaced them carries the same chat.
    var muted: Set<ConnectionID> = []
    /// PRIVMSG and USERNOTICE lines read, ever.
    var chatMessages = 0
    /// Lines the parser refused.
    var malformed = 0
  }

  /// The 1-based connection number in events.
  let connection: Int
  let handler: @Sendable (IRCClientEvent) -> Void
  private let state = Mutex(State())

  init(connection: Int, handler: @escaping @Sendable (IRCClientEvent) -> Void) {
    self.connection = connection
    self.handler = handler
  }

  /// Runs `body` with the shard's state locked; the handler is called inside, so events about
  /// the shard never interleave.
  func withState<Result>(_ body: (inout State) -> Result) -> Result {
    state.withLock { body(&$0) }
  }

  /// Passes a non-message event on, in order with the shard's messages.
  func emit(_ event: IRCClientEvent) {
    state.withLock { _ in handler(event) }
  }

  /// Two sockets deliver (`true`), or one again (`false`: the overlap's tail begins).
  func setOverlap(_ overlap: Bool) {
    state.withLock { state in
      switch (state.dedupe, overlap) {
      case (_, true): state.dedupe = .overlap
      case (.overlap, false): state.dedupe = .tail
      case (.off, false), (.tail, false): break
      }
    }
  }

  /// The last-line times and the chat count, for the watchdog.
  func snapshot() -> (lastLine: [ConnectionID: ContinuousClock.Instant], chatMessages: Int) {
    state.withLock { ($0.lastLine, $0.chatMessages) }
  }

  func lastLine(of id: ConnectionID) -> ContinuousClock.Instant? {
    state.withLock { $0.lastLine[id] }
  }

  /// A socket is being closed: drop whatever it still reads.
  func mute(_ id: ConnectionID) {
    state.withLock { state in
      state.muted.insert(id)
      state.lastLine[id] = nil
    }
  }

  /// A socket's task ended: nothing more comes from it.
  func forget(_ id: ConnectionID) {
    state.withLock { state in
      state.muted.remove(id)
      state.lastLine[id] = nil
    }
  }
}
