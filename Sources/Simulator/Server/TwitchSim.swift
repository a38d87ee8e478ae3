import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle
import Synchronization
import TwitchSimCore
import TwitchSimEventSub
import TwitchSimHelix
import TwitchSimIRC
import TwitchSimScenario

/// The whole simulator as one service: an HTTP server (IRC over WebSocket, EventSub, Helix,
/// OAuth, control) and the plain-TCP IRC listener, over one `SimWorld`. Tests run it
/// in-process on port 0 and wait for `ready()`; the executable runs it until a signal.
public final class TwitchSim: Service, Sendable {
  public struct Options: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 0
    public var ircTCPPort = 0
    public var irc = IRCServer.Options()
    public var eventSub = EventSubServer.Options()
    public var helix = HelixAPI.Options()
    public var oauth = OAuthAPI.Options()
    /// A scenario to load and play (on loop) once listening.
    public var scenario: Scenario?
    public var scenarioSpeed = 1.0

    public init() {}
  }

  public let world: SimWorld
  public let irc: IRCServer
  public let eventSub: EventSubServer
  private let options: Options
  private let logger: Logger
  private let readiness = Mutex<Readiness>(.waiting([]))

  private enum Readiness {
    case waiting([CheckedContinuation<SimURLs, any Error>])
    case ready(SimURLs)
    case failed(any Error)
  }

  public init(options: Options = .init(), logger: Logger = Logger(label: "twitch-sim")) {
    self.options = options
    self.logger = logger
    world = SimWorld(logger: logger)
    irc = IRCServer(world: world, options: options.irc, logger: logger)
    eventSub = EventSubServer(world: world, options: options.eventSub, logger: logger)
  }

  /// The URLs, once both listeners are bound.
  public func ready() async throws -> SimURLs {
    try await withCheckedThrowingContinuation { continuation in
      let outcome: Result<SimURLs, any Error>? = readiness.withLock { state in
        switch state {
        case .waiting(var list):
          list.append(continuation)
          state = .waiting(list)
          return nil
        case .ready(let urls): return .success(urls)
        case .failed(let error): return .failure(error)
        }
      }
      if let outcome { continuation.resume(with: outcome) }
    }
  }

  private func settle(_ outcome: Result<SimURLs, any Error>) {
    let waiting = readiness.withLock { state -> [CheckedContinuation<SimURLs, any Error>] in
      guard case .waiting(let list) = state else { return [] }
      switch outcome {
      case .success(let urls): state = .ready(urls)
      case .failure(let error): state = .failed(error)
      }
      return list
    }
    for continuation in waiting { continuation.resume(with: outcome) }
  }

  public func run() async throws {
    do {
      try await serve()
    } catch {
      settle(.failure(error))
      throw error
    }
    settle(.failure(CancellationError()))
  }

  private func serve() async throws {
    let ircPort = try await irc.startTCP(host: options.host, port: options.ircTCPPort)
    let httpPort = Mutex<Int?>(nil)
    let router = Router(context: BasicWebSocketRequestContext.self)
    let host = options.host
    irc.addWebSocketRoute(to: router, path: "/irc")
    eventSub.addRoutes(to: router, path: "/ws") {
      "ws://\(host):\(httpPort.withLock { $0 } ?? 0)/ws"
    }
    HelixAPI(world: world, options: options.helix, logger: logger).addRoutes(to: router, prefix: "/helix")
    OAuthAPI(world: world, options: options.oauth, logger: logger).addRoutes(to: router, prefix: "/oauth2")
    ControlAPI(world: world, sink: irc, logger: logger).addRoutes(to: router, prefix: "/control")

    let app = Application(
      router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: "twitch-sim"),
      onServerRunning: { [self] channel in
        let port = channel.localAddress?.port ?? 0
        httpPort.withLock { $0 = port }
        settle(.success(SimURLs(host: host, httpPort: port, ircTCPPort: ircPort)))
      },
      logger: logger)

    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { await self.irc.run() }
      group.addTask { await self.eventSub.run() }
      if let scenario = options.scenario {
        group.addTask {
          _ = try await self.ready()
          let runner = ScenarioRunner(world: self.world, sink: self.irc, logger: self.logger)
          _ = try runner.load(scenario)
          try await runner.run(scenario, speed: self.options.scenarioSpeed, loop: true)
        }
      }
      try await app.run()
      // The server stopped (graceful shutdown or cancellation): stop the surfaces too.
      await irc.shutdown()
      await eventSub.shutdown()
      group.cancelAll()
    }
  }
}
