import Synchronization

/// One flood's bookkeeping: when each line was sent (by the sink) and when its event arrived
/// (at the subscriber), by line index. A flood's message ids are a random 24-byte prefix, the
/// same for the whole flood, and the line's index as 12 hexadecimal digits.
final class IngestRound: Sendable {
  struct State {
    /// The ids' prefix, learnt from the first line sent.
    var prefix: [UInt8]?
    /// `CLOCK_MONOTONIC` ns by line index; 0 until sent or received.
    var sendNS: [UInt64]
    var receiveNS: [UInt64]
    var sent = 0
    var bytesSent = 0
    var received = 0
    var duplicates = 0
    var firstSendNS: UInt64 = 0
    var lastReceiveNS: UInt64 = 0
    /// Wall-clock ms of the first line sent and of the last event's publication (its
    /// envelope's `ts`): the daemon's side of the throughput, to the millisecond.
    var firstSendWallMS: Int64 = 0
    var lastPublishMS: Int64 = 0
  }

  let capacity: Int
  private let state: Mutex<State>

  init(lines: Int) {
    capacity = lines
    state = Mutex(State(sendNS: Array(repeating: 0, count: lines), receiveNS: Array(repeating: 0, count: lines)))
  }

  /// Everything recorded so far (copies the arrays: read it once the round is over).
  var snapshot: State { state.withLock { $0 } }

  /// Lines sent and events received so far, cheap enough to poll.
  var progress: (sent: Int, received: Int) { state.withLock { ($0.sent, $0.received) } }

  /// Records a batch handed to the IRC sockets at `time`.
  func sent(_ lines: [String], at time: UInt64, wallMS: Int64) {
    let bytes = lines.reduce(0) { $0 + $1.utf8.count + 2 }
    let prefix = state.withLock { $0.prefix } == nil ? lines.first.flatMap(Self.idPrefix) : nil
    state.withLock { state in
      if state.prefix == nil { state.prefix = prefix }
      if state.firstSendNS == 0 {
        state.firstSendNS = time
        state.firstSendWallMS = wallMS
      }
      let end = min(capacity, state.sent + lines.count)
      if state.sent < end {
        for index in state.sent..<end { state.sendNS[index] = time }
      }
      state.sent += lines.count
      state.bytesSent += bytes
    }
  }

  /// Records an event's arrival, and its envelope's `ts`; false when its id is not one of this
  /// flood's.
  @discardableResult
  func received(messageID: String, at time: UInt64, publishedMS: Int64) -> Bool {
    let id = Array(messageID.utf8)
    guard id.count == 36, let index = Self.index(id) else { return false }
    return state.withLock { state in
      guard let prefix = state.prefix, id[..<24].elementsEqual(prefix), index < capacity else { return false }
      if state.receiveNS[index] != 0 {
        state.duplicates += 1
      } else {
        state.receiveNS[index] = time
        state.received += 1
      }
      state.lastReceiveNS = max(state.lastReceiveNS, time)
      state.lastPublishMS = max(state.lastPublishMS, publishedMS)
      return true
    }
  }

  /// The value of the `id` tag's first 24 bytes.
  private static func idPrefix(_ line: String) -> [UInt8]? {
    let bytes = Array(line.utf8.prefix(1024))
    let marker = Array(";id=".utf8)
    guard bytes.count > marker.count + 24 else { return nil }
    for start in 0..<(bytes.count - marker.count - 24) where bytes[start] == marker[0] {
      if bytes[start..<(start + marker.count)].elementsEqual(marker) {
        return Array(bytes[(start + marker.count)..<(start + marker.count + 24)])
      }
    }
    return nil
  }

  /// The line index in an id's last 12 hexadecimal digits.
  private static func index(_ id: [UInt8]) -> Int? {
    var value = 0
    for byte in id[24...] {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | Int(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | Int(byte - UInt8(ascii: "a") + 10)
      default: return nil
      }
    }
    return value
  }
}
