import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a child's output line by line on a thread of its own, so the benchmark can wait for a
/// line with a deadline while it keeps sending.
final class LineReader: Sendable {
  private struct State {
    var lines: [String] = []
    var closed = false
  }

  private let state = Mutex(State())

  private init() {}

  /// Starts reading `descriptor` until end of file.
  static func start(reading descriptor: Int32) -> LineReader {
    let reader = LineReader()
    let thread = Thread { reader.pump(descriptor) }
    thread.name = "warden-bench-lines"
    thread.start()
    return reader
  }

  private func pump(_ descriptor: Int32) {
    var pending: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      pending.append(contentsOf: buffer[..<count])
      while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        state.withLock { $0.lines.append(line) }
      }
    }
    state.withLock { $0.closed = true }
  }

  /// The next line, or `nil` when none came within `timeout` or the output ended.
  func nextLine(within timeout: Duration) -> String? {
    let deadline = ContinuousClock.now + timeout
    while true {
      let (line, closed) = state.withLock { state -> (String?, Bool) in
        state.lines.isEmpty ? (nil, state.closed) : (state.lines.removeFirst(), false)
      }
      if let line { return line }
      if closed || ContinuousClock.now >= deadline { return nil }
      usleep(100)
    }
  }
}
