import Foundation
import Logging
import ServiceLifecycle
import WardenProtocol
import WardenZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

/// A running wardend: the lock, the bound sockets and the services, wired together. `start`
/// does everything that can fail before serving; `run` serves until shutdown and cleans up.
public final class Daemon: Sendable {
  public let paths: RuntimePaths
  public let bus: EventBus
  public let info: DaemonInfo
  private let lock: DaemonLock
  private let context: ZMQContext
  private let group: ServiceGroup
  private let logger: Logger

  private init(
    paths: RuntimePaths, bus: EventBus, info: DaemonInfo, lock: DaemonLock, context: ZMQContext, group: ServiceGroup,
    logger: Logger
  ) {
    self.paths = paths
    self.bus = bus
    self.info = info
    self.lock = lock
    self.context = context
    self.group = group
    self.logger = logger
  }

  /// Prepares the directories, takes the lock, binds both sockets and writes `daemon.json`.
  /// Throws `DaemonLock.Held` when another daemon serves the same runtime directory; nothing of
  /// that daemon's is touched then.
  public static func start(
    _ options: DaemonOptions, logger: Logger, components makeComponents: DaemonComponentFactory = { _ in [] }
  ) async throws -> Daemon {
    let paths = options.paths
    try PrivateDirectory.prepare(paths.directory)
    try PrivateDirectory.prepare(options.dataDirectory)
    let lock = try DaemonLock(path: paths.lockFile)
    // Holding the lock, any socket file left here belongs to a daemon that died.
    for stale in [paths.eventsSocket, paths.commandsSocket, paths.infoFile] { unlink(stale) }

    let settings = options.config.bus
    let context = try ZMQContext()
    let counters = DaemonCounters()
    let bus = EventBus(ringCapacity: settings.ringBufferEvents)
    let startedAt = ContinuousClock.now
    let info = DaemonInfo(
      protocolVersion: WardenVersion.wireProtocol, serverVersion: WardenVersion.release, pid: getpid(),
      epoch: bus.epoch, startedAt: WallClock.nowMS(), endpoints: paths.endpoints)
    let components = try await makeComponents(
      DaemonContext(bus: bus, config: options.config, dataDirectory: options.dataDirectory, logger: logger))
    let statusParts = components.map(\.status)
    let state = DaemonState(
      bus: bus, counters: counters, settings: settings, paths: paths, dataDirectory: options.dataDirectory,
      startedAt: startedAt, startedAtMS: info.startedAt, pid: info.pid,
      statusParts: statusParts)
    var router = CommandRouter()
    BuiltinCommands.register(in: &router, state: state)
    for component in components { component.register(&router) }
    BuiltinCommands.registerHello(in: &router, state: state)

    let publisher = try await EventPublisher.start(
      context: context, endpoint: paths.endpoints.events, bus: bus, settings: settings, counters: counters,
      logger: logger)
    let commands: CommandService
    do {
      commands = try await CommandService.start(
        context: context, endpoint: paths.endpoints.commands, router: router, settings: settings, counters: counters,
        logger: logger)
    } catch {
      await publisher.stop()
      throw error
    }
    let heartbeat = HeartbeatService(
      bus: bus, intervalMS: settings.heartbeatMS, startedAt: startedAt, counters: counters)
    do {
      try writeInfo(info, to: paths.infoFile)
    } catch {
      await commands.stop()
      await publisher.stop()
      throw error
    }

    // Shut down in reverse order: the components, the heartbeat, then commands (handlers
    // finish), then the publisher.
    let group = ServiceGroup(
      configuration: .init(
        services: [
          .init(service: publisher), .init(service: commands), .init(service: heartbeat),
        ] + components.map { .init(service: $0.service) },
        gracefulShutdownSignals: options.handleSignals ? [.sigterm, .sigint] : [],
        logger: logger))
    logger.info(
      "wardend serving",
      metadata: [
        "zmq.events": "\(paths.endpoints.events)", "zmq.commands": "\(paths.endpoints.commands)",
        "warden.epoch": "\(bus.epoch)",
      ])
    return Daemon(
      paths: paths, bus: bus, info: info, lock: lock, context: context, group: group, logger: logger)
  }

  /// Serves until a signal or `shutdown()`, then removes `daemon.json` and the socket files.
  public func run() async throws {
    defer { cleanUp() }
    try await group.run()
  }

  /// Begins a graceful shutdown, as SIGTERM does.
  public func shutdown() async {
    await group.triggerGracefulShutdown()
  }

  private func cleanUp() {
    for path in [paths.infoFile, paths.eventsSocket, paths.commandsSocket] { unlink(path) }
    lock.release()
    logger.info("wardend stopped")
  }

  private static func writeInfo(_ info: DaemonInfo, to path: String) throws {
    let temporary = path + ".tmp"
    let bytes = try WireCoding.encode(info)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw DirectoryError(path: temporary, reason: "cannot write: \(String(cString: strerror(errno)))")
    }
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    guard written == bytes.count, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw DirectoryError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
    }
  }
}
