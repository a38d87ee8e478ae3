import ServiceLifecycle
import WardenProtocol

/// Publishes `sys.heartbeat` on `sys.heartbeat._` every interval until shutdown.
public struct HeartbeatService: Service {
  let bus: EventBus
  let intervalMS: Int
  let startedAt: ContinuousClock.Instant
  let counters: DaemonCounters

  public init(bus: EventBus, intervalMS: Int, startedAt: ContinuousClock.Instant, counters: DaemonCounters) {
    self.bus = bus
    self.intervalMS = intervalMS
    self.startedAt = startedAt
    self.counters = counters
  }

  public func run() async throws {
    let topic = Topic.make(type: .heartbeat, channel: nil)
    let clock = ContinuousClock()
    var next = clock.now
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      beat(topic: topic)
      next = next.advanced(by: .milliseconds(intervalMS))
      // After the process was paused, beat once now rather than in a burst to catch up.
      if next < clock.now { next = clock.now }
      let deadline = next
      do {
        try await cancelWhenGracefulShutdown { try await clock.sleep(until: deadline) }
      } catch {
        return
      }
    }
  }

  private func beat(topic: String) {
    let elapsed = ContinuousClock.now - startedAt
    let data = HeartbeatData(
      seqs: bus.sequenceNumbers, heartbeatMS: intervalMS,
      uptimeMS: elapsed.wholeMilliseconds,
      subscribers: counters.activeSubscriptions)
    if let bytes = try? WireCoding.encode(data) {
      bus.publishUnsequenced(.heartbeat, topic: topic, data: bytes)
    }
  }
}
