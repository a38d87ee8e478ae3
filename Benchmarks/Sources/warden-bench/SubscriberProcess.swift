import Foundation

/// The other process of the bus benchmark: this executable again, run as `sub-count`, with its
/// standard output read line by line (`connected`, `ready`, then `done …`).
final class SubscriberProcess {
  private let process: Process
  private let pipe: Pipe
  let output: LineReader

  /// What `sub-count` reports when it stops.
  struct Result {
    var count: Int
    /// `CLOCK_MONOTONIC` nanoseconds of the first and the last counted message.
    var firstNanoseconds: UInt64
    var lastNanoseconds: UInt64
    /// Topic plus body bytes of every counted message.
    var bytes: Int
  }

  init(executable: String, endpoint: String, count: Int, prefix: String, sync: String, highWaterMark: Int32) throws {
    process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "sub-count", endpoint, String(count), "--prefix", prefix, "--sync", sync, "--hwm", String(highWaterMark),
    ]
    pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    output = LineReader.start(reading: pipe.fileHandleForReading.fileDescriptor)
  }

  /// Waits for the `done` line and for the process to exit.
  func finish(timeout: Duration) throws -> Result {
    let deadline = ContinuousClock.now + timeout
    while let line = output.nextLine(within: deadline - ContinuousClock.now) {
      let fields = line.split(separator: " ")
      guard fields.first == "done" else { continue }
      guard fields.count == 5, let count = Int(fields[1]), let first = UInt64(fields[2]),
        let last = UInt64(fields[3]), let bytes = Int(fields[4])
      else { throw BenchError("sub-count printed an unreadable result: \(line)") }
      waitForExit()
      return Result(count: count, firstNanoseconds: first, lastNanoseconds: last, bytes: bytes)
    }
    stop()
    throw BenchError("sub-count gave no result within \(timeout)")
  }

  /// Ends the process if it still runs (after a failure).
  func stop() {
    if process.isRunning { process.terminate() }
    waitForExit()
  }

  private func waitForExit() {
    let deadline = ContinuousClock.now + .seconds(5)
    while process.isRunning && ContinuousClock.now < deadline { usleep(1000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }
}
