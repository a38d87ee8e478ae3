import Logging
import NIOSSL
import ServiceLifecycle
import Synchronization
import WardenGateway
import WardenIRC

/// Twitch chat over IRC, as a service: it keeps one or more connections logged in and joined,
/// answers PINGs, reconnects with backoff, follows Twitch's `RECONNECT` without a gap (the new
/// connection joins before the old one closes), paces JOINs, spreads channels over connections,
/// and reports every line and every change through `handler`.
///
/// `run()` runs until its task is cancelled or a graceful shutdown, then closes the connections.
/// Call it once. `join`, `part`, `reconnect` and `channels` may be called at any time, before
/// `run()` too.
///
/// The reading path calls `handler` directly on the thread that read the bytes: one lock per
/// read, no task hop per line.
public final class IRCClient: Service, Sendable {
  let configuration: IRCClientConfiguration
  let credentials: @Sendable () async -> IRCCredentials
  let logger: Logger
  let core: Mutex<IRCClientCore>

  /// - Parameters:
  ///   - configuration: where to connect, which channels, limits and timings.
  ///   - credentials: called before every login, so a refreshed token is used on the next
  ///     (re)connect.
  ///   - handler: receives every event; it must return quickly.
  ///   - logger: for connection changes (never tokens).
  public init(
    configuration: IRCClientConfiguration,
    credentials: @escaping @Sendable () async -> IRCCredentials,
    handler: @escaping @Sendable (IRCClientEvent) -> Void,
    logger: Logger
  ) {
    self.configuration = configuration
    self.credentials = credentials
    var logger = logger
    logger[metadataKey: "irc.endpoint"] = "\(configuration.endpoint)"
    self.logger = logger
    core = Mutex(IRCClientCore(configuration: configuration, handler: handler, logger: logger))
  }

  /// Connects and keeps the connections up until cancelled or shut down gracefully.
  public func run() async throws {
    let tls = try makeTLSContext()
    let (requests, continuation) = AsyncStream.makeStream(of: IRCDriverRequest.self)
    guard core.withLock({ $0.start(requests: continuation, now: .now) }) else {
      logger.error("IRCClient.run() called more than once; ignored")
      return
    }
    await withGracefulShutdownHandler {
      await withDiscardingTaskGroup { group in
        group.addTask { await self.runWatchdog() }
        for await request in requests {
          switch request {
          case .connect(let key):
            group.addTask { await self.runConnection(key, tls: tls) }
          case .timer(let shard, let generation, let delay):
            group.addTask {
              try? await Task.sleep(for: delay)
              guard !Task.isCancelled else { return }
              self.core.withLock { $0.timerFired(shard, generation: generation, now: .now) }
            }
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

  /// Joins channels (logins, with or without `#`), paced by the JOIN limit, on the connection
  /// with room (opening one when all are full).
  public func join(_ channels: [String]) async {
    core.withLock { $0.join(channels, now: .now) }
  }

  /// Leaves channels; a connection left without channels closes (except connection 1).
  public func part(_ channels: [String]) async {
    core.withLock { $0.part(channels, now: .now) }
  }

  /// Logs every connection in again with fresh credentials (after a login, say): a ready
  /// connection is handed over without a gap; a failed one (refused login) tries again.
  public func reconnect(reason: String) async {
    core.withLock { $0.reconnect(reason: reason, now: .now) }
  }

  /// Every channel wanted, its connection, and whether Twitch confirmed the JOIN.
  public func channels() async -> [IRCChannelStatus] {
    core.withLock { $0.channelStatuses() }
  }

  private func runWatchdog() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: configuration.watchdogInterval)
      core.withLock { $0.tick(now: .now) }
    }
  }

  private func makeTLSContext() throws -> NIOSSLContext? {
    guard configuration.endpoint.scheme == .tls else { return nil }
    do {
      return try NIOSSLContext(configuration: configuration.tlsConfiguration ?? .makeClientConfiguration())
    } catch {
      throw TransportError.tls("\(error)")
    }
  }
}
