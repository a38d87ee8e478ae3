import Foundation
import Synchronization
import WardenProtocol
import WardenZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

/// On a thread of its own: waits for the daemon's event socket file to appear, connects a SUB
/// to it at once, subscribes to `sys.heartbeat.` and notes when the welcome and the first
/// heartbeat arrive.
final class HeartbeatWatcher: Sendable {
  struct Observation: Sendable {
    var socketSeenAt: ContinuousClock.Instant?
    var welcomeAt: ContinuousClock.Instant?
    var heartbeatAt: ContinuousClock.Instant?
    /// The first heartbeat's `uptime_ms`: near 0 when it is the beat sent at start.
    var heartbeatUptimeMS: Int64?
    var failure: String?
    var finished = false
  }

  private let state = Mutex(Observation())

  private init() {}

  static func start(context: ZMQContext, paths: RuntimePaths, deadline: ContinuousClock.Instant) -> HeartbeatWatcher {
    let watcher = HeartbeatWatcher()
    let thread = Thread {
      do {
        try watcher.watch(context: context, paths: paths, deadline: deadline)
      } catch {
        watcher.state.withLock { $0.failure = "\(error)" }
      }
      watcher.state.withLock { $0.finished = true }
    }
    thread.name = "warden-bench-heartbeat"
    thread.start()
    return watcher
  }

  private func watch(context: ZMQContext, paths: RuntimePaths, deadline: ContinuousClock.Instant) throws {
    while access(paths.eventsSocket, F_OK) != 0 {
      guard ContinuousClock.now < deadline else { throw BenchError("no \(paths.eventsSocket) before the deadline") }
      usleep(100)
    }
    let seen = ContinuousClock.now
    state.withLock { $0.socketSeenAt = seen }
    let socket = try ZMQSocket(context: context, type: .sub)
    defer { socket.close() }
    try socket.set(.linger, 0)
    try socket.set(.receiveTimeout, 20)
    try socket.connect(paths.endpoints.events)
    try socket.set(.subscribe, "sys.heartbeat.")
    let welcomeTopic = Array("sys.heartbeat.".utf8)
    let heartbeatTopic = Array(Topic.make(type: .heartbeat, channel: nil).utf8)
    while ContinuousClock.now < deadline {
      guard let frames = try socket.receive(), frames.count == 2 else { continue }
      let now = ContinuousClock.now
      if frames[0] == welcomeTopic {
        state.withLock { if $0.welcomeAt == nil { $0.welcomeAt = now } }
      } else if frames[0] == heartbeatTopic {
        let uptime = try? Envelope.decode(frames[1]).decodeData(HeartbeatData.self).uptimeMS
        state.withLock {
          $0.heartbeatAt = now
          $0.heartbeatUptimeMS = uptime
        }
        return
      }
    }
    throw BenchError("no sys.heartbeat before the deadline")
  }

  /// Waits until the watcher has seen a heartbeat or given up.
  func result() -> Observation {
    while true {
      let observation = state.withLock { $0 }
      if observation.finished { return observation }
      usleep(500)
    }
  }
}
