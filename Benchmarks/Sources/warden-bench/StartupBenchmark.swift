import Foundation
import WardenZeroMQ

/// Start-up of a real wardend, repeated: from spawn to the event socket file, to `daemon.json`,
/// to the first `hello` reply, and to the first `sys.heartbeat` a subscriber that connected as
/// soon as it could receives; then its resident memory after an idle pause, and SIGTERM to exit.
struct StartupBenchmark {
  var wardend: String
  var runs: Int
  var idle: Duration

  struct Run {
    var socketFile: Duration?
    var infoFile: Duration
    var hello: Duration
    var welcome: Duration?
    var heartbeat: Duration?
    /// Whether the first heartbeat received was the one sent at start (uptime under half a beat).
    var caughtFirstBeat: Bool
    var residentKiB: Int?
    var exit: WardendProcess.Exit
  }

  func run() throws -> [Run] {
    try (1...runs).map { number in
      let result = try once()
      print(
        "  run \(number): daemon.json \(Format.fixed(result.infoFile.milliseconds)) ms, "
          + "hello \(Format.fixed(result.hello.milliseconds)) ms, "
          + "heartbeat \(result.heartbeat.map { Format.fixed($0.milliseconds) + " ms" } ?? "none")"
          + (result.caughtFirstBeat ? " (first beat)" : " (missed the first beat)")
          + ", RSS \(result.residentKiB.map { Format.mebibytes(kibibytes: $0) } ?? "n/a"), \(result.exit.description)")
      return result
    }
  }

  private func once() throws -> Run {
    let root = try TemporaryDirectory()
    defer { root.remove() }
    let context = try ZMQContext()
    defer { withExtendedLifetime(context) {} }
    let daemon = try WardendProcess(binary: wardend, root: root)
    defer { daemon.killNow() }
    let spawned = daemon.spawnedAt
    let watcher = HeartbeatWatcher.start(context: context, paths: daemon.paths, deadline: spawned + .seconds(10))

    guard let infoAt = daemon.waitForFile(daemon.paths.infoFile, timeout: .seconds(10)) else {
      _ = watcher.result()
      throw BenchError("wardend wrote no daemon.json within 10 s:\n\(daemon.logTail())")
    }
    let helloAt = try hello(context: context, endpoint: daemon.paths.endpoints.commands)
    let beat = watcher.result()
    if let failure = beat.failure { print("  heartbeat watcher: \(failure)") }

    let idleUntil = spawned + idle
    if ContinuousClock.now < idleUntil { Thread.sleep(forTimeInterval: Double((idleUntil - .now).nanoseconds) / 1e9) }
    let resident = daemon.residentKiB()
    let exit = daemon.terminate()
    return Run(
      socketFile: beat.socketSeenAt.map { $0 - spawned }, infoFile: infoAt - spawned, hello: helloAt - spawned,
      welcome: beat.welcomeAt.map { $0 - spawned }, heartbeat: beat.heartbeatAt.map { $0 - spawned },
      caughtFirstBeat: beat.heartbeatUptimeMS.map { $0 < 500 } ?? false, residentKiB: resident, exit: exit)
  }

  /// Connects a REQ socket, sends `hello` and returns when the reply is in.
  private func hello(context: ZMQContext, endpoint: String) throws -> ContinuousClock.Instant {
    let socket = try ZMQSocket(context: context, type: .req)
    defer { socket.close() }
    try socket.set(.linger, 0)
    try socket.set(.receiveTimeout, 5000)
    try socket.connect(endpoint)
    try socket.send([Array("{\"v\":1,\"id\":\"bench-hello\",\"cmd\":\"hello\"}".utf8)])
    guard let reply = try socket.receive() else { throw BenchError("no reply to hello within 5 s") }
    let at = ContinuousClock.now
    let text = String(decoding: reply.last ?? [], as: UTF8.self)
    guard text.hasPrefix("{\"v\":1,\"id\":\"bench-hello\",\"ok\":true") else {
      throw BenchError("unexpected reply to hello: \(text)")
    }
    return at
  }
}
