import Synchronization
import WSClient

/// The sending side of one WebSocket: `send` and `close` queue work for the writer loop that runs
/// inside the `WSClient` handler. Lines queued together go out in one text frame (several
/// CRLF-ended lines each, up to `maxFrameBytes`).
final class WebSocketConnection: TransportConnection {
  private struct Outbox {
    var lines: [String] = []
    var closeRequested = false
  }

  private let outbox = Mutex(Outbox())
  private let wakeups: AsyncStream<Void>
  private let wake: AsyncStream<Void>.Continuation
  private let maxFrameBytes: Int

  init(maxFrameBytes: Int) {
    (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    self.maxFrameBytes = maxFrameBytes
  }

  func send(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    outbox.withLock { $0.lines += lines }
    wake.yield()
  }

  func close() {
    outbox.withLock { $0.closeRequested = true }
    wake.yield()
  }

  /// Ends the writer loop (the connection is gone).
  func finish() {
    wake.finish()
  }

  /// Writes queued lines until the connection ends. After a requested close it sends the close
  /// frame and gives the server `closeTimeout` to answer, then throws.
  func runWriter(_ outbound: WebSocketOutboundWriter, closeTimeout: Duration) async throws {
    for await _ in wakeups {
      let (lines, closing) = outbox.withLock { box in
        defer { box.lines.removeAll(keepingCapacity: true) }
        return (box.lines, box.closeRequested)
      }
      for frame in frames(lines) { try await outbound.write(.text(frame)) }
      if closing {
        try await outbound.close(.normalClosure, reason: nil)
        try await Task.sleep(for: closeTimeout)
        throw TransportError.closeTimedOut
      }
    }
  }

  /// The lines as frame texts: each line ends with CRLF; a frame holds whole lines up to
  /// `maxFrameBytes` (a longer line gets a frame of its own).
  func frames(_ lines: [String]) -> [String] {
    var frames: [String] = []
    var current = ""
    for line in lines {
      let size = line.utf8.count + 2
      if !current.isEmpty && current.utf8.count + size > maxFrameBytes {
        frames.append(current)
        current = ""
      }
      current += line
      current += "\r\n"
    }
    if !current.isEmpty { frames.append(current) }
    return frames
  }
}
