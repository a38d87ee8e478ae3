import Logging
import ServiceLifecycle
import WardenProtocol
import WardenZeroMQ

/// The XPUB side of the bus as a service: its socket is bound when `start` returns, and it
/// stops when the service group shuts down, after sending what is queued.
public final class EventPublisher: Service, Sendable {
  private let loop: ZMQLoop

  private init(loop: ZMQLoop) {
    self.loop = loop
  }

  /// Binds `endpoint` on a thread of its own and attaches it to `bus`.
  public static func start(
    context: ZMQContext, endpoint: String, bus: EventBus, settings: BusSettings, counters: DaemonCounters,
    logger: Logger
  ) async throws -> EventPublisher {
    let loop = try await ZMQLoop.start(name: "warden-publisher") {
      try PublisherDriver(
        context: context, endpoint: endpoint, bus: bus, settings: settings, counters: counters, logger: logger)
    }
    bus.attach(wake: { [loop] in loop.wake() })
    return EventPublisher(loop: loop)
  }

  public func run() async throws {
    let failure = await withGracefulShutdownHandler {
      await loop.ended()
    } onGracefulShutdown: {
      self.loop.requestStop()
    }
    if let failure { throw failure }
  }

  /// Stops the loop directly (for callers outside a service group).
  public func stop() async { await loop.stop() }
}
