import ArgumentParser
import Foundation
import WardenZeroMQ

/// The subscriber side of the bus benchmark, run in a process of its own: subscribes, says
/// `ready` when the first sync message arrives (so the publisher knows the subscription is in
/// place), then counts messages under `--prefix` until it has `count` or the bus goes quiet, and
/// prints `done <count> <first ns> <last ns> <bytes>` (`CLOCK_MONOTONIC`).
struct SubCountCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sub-count", abstract: "Count events from a PUB/XPUB endpoint (used by the bus benchmark).",
    shouldDisplay: false)

  @Argument(help: "The endpoint to connect to.")
  var endpoint: String

  @Argument(help: "How many messages to wait for.")
  var count: Int

  @Option(help: "Count messages whose topic starts with this prefix (and is longer than it).")
  var prefix = "chat."

  @Option(help: "Topic prefix of the publisher's sync messages.")
  var sync = "sys.bench_sync."

  @Option(help: "Receive high-water mark.")
  var hwm: Int32 = 1_000_000

  @Option(name: .customLong("quiet-ms"), help: "Stop this long after the last counted message.")
  var quietMS = 2000

  @Option(name: .customLong("start-timeout-ms"), help: "Stop if nothing is counted this long after start.")
  var startTimeoutMS = 30_000

  func run() throws {
    let context = try ZMQContext()
    defer { withExtendedLifetime(context) {} }
    let socket = try ZMQSocket(context: context, type: .sub)
    defer { socket.close() }
    try socket.set(.receiveHighWaterMark, hwm)
    try socket.set(.receiveTimeout, 50)
    try socket.set(.linger, 0)
    try socket.connect(endpoint)
    try socket.set(.subscribe, prefix)
    try socket.set(.subscribe, sync)
    say("connected")

    let countPrefix = Array(prefix.utf8)
    let syncPrefix = Array(sync.utf8)
    let quietNanoseconds = UInt64(quietMS) * 1_000_000
    let startDeadline = MonotonicTime.nanoseconds() + UInt64(startTimeoutMS) * 1_000_000
    var ready = false
    var received = 0
    var bytes = 0
    var first: UInt64 = 0
    var last: UInt64 = 0
    while received < count {
      guard let frames = try socket.receive() else {
        let now = MonotonicTime.nanoseconds()
        if received > 0 ? now - last > quietNanoseconds : now > startDeadline { break }
        continue
      }
      let topic = frames[0]
      // A topic equal to a prefix is the daemon's `sys.welcome` for that subscription.
      if topic.count > countPrefix.count && topic.starts(with: countPrefix) {
        last = MonotonicTime.nanoseconds()
        if received == 0 { first = last }
        received += 1
        bytes += frames.reduce(0) { $0 + $1.count }
      } else if !ready && topic.count > syncPrefix.count && topic.starts(with: syncPrefix) {
        ready = true
        say("ready")
      }
    }
    say("done \(received) \(first) \(last) \(bytes)")
  }

  private func say(_ line: String) {
    // Unbuffered: the publisher waits for these lines.
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }
}
