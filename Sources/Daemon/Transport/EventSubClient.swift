import Logging
import ServiceLifecycle
import Synchronization
import WardenGateway

/// Twitch EventSub over WebSocket, as a service: it keeps a session, asks the gateway to create
/// the subscriptions on every new session, follows `session_reconnect` without losing or
/// duplicating a notification, reconnects with backoff after a close (codes 4000-4007), a
/// missing welcome or a silent socket, and reports notifications, revocations and phase changes
/// through `handler`.
///
/// `run()` runs until its task is cancelled or a graceful shutdown; call it once.
public final class EventSubClient: Service, Sendable {
  let configuration: EventSubClientConfiguration
  let subscribe: @Sendable (EventSubSubscribeRequest) async -> Void
  let logger: Logger
  let core: Mutex<EventSubClientCore>

  /// - Parameters:
  ///   - configuration: the URL, deadlines and backoff.
  ///   - subscribe: creates subscriptions through Helix for a session; runs in its own task.
  ///   - handler: receives every event, in order; it must return quickly.
  ///   - logger: for session changes.
  public init(
    configuration: EventSubClientConfiguration = .init(),
    subscribe: @escaping @Sendable (EventSubSubscribeRequest) async -> Void,
    handler: @escaping @Sendable (EventSubClientEvent) -> Void,
    logger: Logger
  ) {
    self.configuration = configuration
    self.subscribe = subscribe
    self.logger = logger
    core = Mutex(EventSubClientCore(configuration: configuration, handler: handler, logger: logger))
  }

  public func run() async throws {
    let (requests, continuation) = AsyncStream.makeStream(of: EventSubDriverRequest.self)
    guard core.withLock({ $0.start(requests: continuation, now: .now) }) else {
      logger.error("EventSubClient.run() called more than once; ignored")
      return
    }
    await withGracefulShutdownHandler {
      await withDiscardingTaskGroup { group in
        group.addTask { await self.runWatchdog() }
        for await request in requests {
          switch request {
          case .connect(let id, let url):
            group.addTask { await self.runSocket(id, url: url) }
          case .timer(let generation, let delay):
            group.addTask {
              try? await Task.sleep(for: delay)
              guard !Task.isCancelled else { return }
              self.core.withLock { $0.timerFired(generation: generation, now: .now) }
            }
          case .subscribe(let request):
            group.addTask { await self.subscribe(request) }
          }
        }
        core.withLock { $0.stop(now: .now) }
        group.cancelAll()
      }
    } onGracefulShutdown: {
      self.core.withLock { $0.stop(now: .now) }
    }
    core.withLock { $0.finish() }
  }

  /// Drops the session and starts a brand-new one (after a login, say): its welcome asks for
  /// `.all(sessionID:)` again.
  public func restart(reason: String) async {
    core.withLock { $0.restart(reason: reason, now: .now) }
  }

  private func runWatchdog() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: configuration.watchdogInterval)
      core.withLock { $0.tick(now: .now) }
    }
  }

  private func runSocket(_ id: ConnectionID, url: String) async {
    var logger = self.logger
    logger[metadataKey: "eventsub.socket"] = "\(id)"
    let reader = EventSubSocketReader(
      id: id, logger: logger,
      opened: { id, connection in self.core.withLock { $0.opened(id, connection: connection) } },
      message: { id, envelope, bytes in
        self.core.withLock { $0.received(envelope, bytes: bytes, from: id, now: .now) }
      })
    var options = WebSocketTransport.Options()
    options.maxMessageBytes = configuration.maxMessageBytes
    var closeCode: Int?
    var failure: String?
    do {
      closeCode = try await WebSocketTransport.run(
        url: url, tls: url.lowercased().hasPrefix("wss:") ? configuration.tlsConfiguration : nil, options: options,
        logger: logger, receiver: reader)
    } catch {
      failure = "\(error)"
    }
    logger.debug("EventSub socket ended", metadata: ["eventsub.close": "\(closeCode.map(String.init) ?? "none")"])
    core.withLock { $0.ended(id, closeCode: closeCode, error: failure, now: .now) }
  }
}
