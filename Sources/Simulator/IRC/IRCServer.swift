import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization
import TwitchSimCore

/// Twitch's chat over IRC, on plain TCP and WebSocket: registration, JOIN/PART, PRIVMSG into
/// the world, and the world's events rendered as Twitch's lines to the clients of each
/// channel. Each connection's protocol lives in an `IRCSession` value; this class is the
/// driver between sessions, sockets and the world.
public final class IRCServer: ChatLineSink, Sendable {
  let world: SimWorld
  let options: Options
  let logger: Logger
  let registry = ConnectionRegistry()
  let echoes = EchoBook()
  /// The settings last shown in ROOMSTATE, by channel id, to send only what changed.
  let roomStates = Mutex<[String: ChatSettings]>([:])
  private let listeners = Mutex<[any Channel]>([])
  private let lastConnectionID = Atomic<Int>(0)

  public init(world: SimWorld, options: Options = .init(), logger: Logger) {
    self.world = world
    self.options = options
    self.logger = logger
  }

  /// Connections open now (TCP and WebSocket, logged in or not).
  public var connectionCount: Int { registry.count }

  /// Listens for plain-TCP IRC; returns the bound port (pass 0 for a free one).
  public func startTCP(host: String, port: Int) async throws -> Int {
    let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelOption(.writeBufferWaterMark, value: .init(low: 1 << 20, high: 4 << 20))
      .childChannelInitializer { [self] channel in
        channel.eventLoop.makeCompletedFuture {
          let pipeline = channel.pipeline.syncOperations
          try pipeline.addHandler(ByteToMessageHandler(IRCLineDecoder(maxLineBytes: options.maxLineBytes)))
          try pipeline.addHandler(IRCChannelHandler(server: self))
        }
      }
    let channel = try await bootstrap.bind(host: host, port: port).get()
    listeners.withLock { $0.append(channel) }
    let bound = channel.localAddress?.port ?? port
    logger.info("IRC listening", metadata: ["irc.host": "\(host)", "irc.port": "\(bound)"])
    return bound
  }

  /// Renders the world's events for the connected clients and runs the PING clock, until the
  /// task is cancelled.
  public func run() async {
    let (subscription, events) = world.hub.subscribe()
    await withTaskCancellationHandler {
      await withDiscardingTaskGroup { group in
        group.addTask { await self.runClock() }
        for await event in events { handle(event, group: &group) }
        group.cancelAll()
      }
    } onCancel: {
      world.hub.cancel(subscription)
    }
  }

  /// Stops listening and closes every connection.
  public func shutdown() async {
    let closing = listeners.withLock { list in
      defer { list = [] }
      return list
    }
    for listener in closing { try? await listener.close() }
    for connection in registry.connections {
      connection.session.withLock { $0.close() }
      connection.transport.close(.graceful)
    }
    let deadline = ContinuousClock.now + .seconds(5)
    while registry.count > 0 && ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(10))
    }
  }

  // MARK: Connections

  /// A new connection (called by the transports).
  func accept(_ transport: any IRCTransport) -> IRCConnection {
    let id = lastConnectionID.add(1, ordering: .relaxed).newValue
    let connection = IRCConnection(
      id: id, transport: transport, session: IRCSession(limits: options.limits, at: .now))
    registry.add(connection)
    logger.debug("IRC connection opened", metadata: ["irc.connection": "\(id)"])
    return connection
  }

  /// A line from a client, without CR LF.
  func receive(_ line: String, from connection: IRCConnection) {
    let actions = connection.session.withLock { $0.receive(line: line, at: .now) }
    perform(actions, for: connection)
  }

  /// The connection is gone, whoever closed it: PART its channels.
  func connectionClosed(_ connection: IRCConnection) {
    connection.session.withLock { $0.close() }
    guard let (member, channels) = registry.remove(connection.id) else { return }
    logger.debug("IRC connection closed", metadata: ["irc.connection": "\(connection.id)"])
    guard let member, let userID = member.userID else { return }
    for channel in channels { left(channel, userID: userID, login: member.login) }
  }

  private func runClock() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: options.tickInterval)
      let now = ContinuousClock.now
      for connection in registry.connections {
        perform(connection.session.withLock { $0.tick(at: now) }, for: connection)
      }
    }
  }
}
