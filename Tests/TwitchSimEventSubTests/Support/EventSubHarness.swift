import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Synchronization
import TwitchSimCore
import TwitchSimEventSub
import WSClient
import WardenTestSupport

/// An EventSub server alone in a Hummingbird application on 127.0.0.1, port 0, with a world
/// holding a channel, a chatter, a moderator and a reading bot.
struct EventSubHarness: Sendable {
  let world: SimWorld
  let server: EventSubServer
  let port: Int
  let broadcaster: SimUser
  let viewer: SimUser
  let moderator: SimUser
  let bot: SimUser
  static let clientID = "eventsub-test-client"

  var url: String { "ws://127.0.0.1:\(port)/ws" }

  /// Runs `body` against a fresh server, then stops everything.
  static func with(
    _ configure: (inout EventSubServer.Options) -> Void = { _ in },
    _ body: (EventSubHarness) async throws -> Void
  ) async throws {
    var options = EventSubServer.Options()
    configure(&options)
    // EVENTSUB_TEST_TRACE=1 shows the server's and Hummingbird's trace logs.
    let tracing = ProcessInfo.processInfo.environment["EVENTSUB_TEST_TRACE"] != nil
    var logger = Logger(label: "test.eventsub")
    logger.logLevel = tracing ? .trace : .warning
    // Cancelling the application is how the harness stops it; Hummingbird logs that as an error.
    var appLogger = logger
    appLogger.logLevel = tracing ? .trace : .critical
    let world = SimWorld(logger: logger)
    let broadcaster = try world.createUser(login: "streamer", displayName: "Streamer")
    let viewer = try world.createUser(login: "viewer32", displayName: "Viewer32", color: "#00FF7F")
    let moderator = try world.createUser(login: "modmin", displayName: "ModMin")
    let bot = try world.createUser(login: "wardenbot", displayName: "WardenBot")
    try world.openChannel(broadcasterID: broadcaster.id)
    try world.setRole(.moderator, true, userID: moderator.id, in: broadcaster.id)
    try world.setRole(.moderator, true, userID: bot.id, in: broadcaster.id)
    world.registerApp(clientID: clientID, clientSecret: "secret")

    let server = EventSubServer(world: world, options: options, logger: logger)
    let port = Mutex<Int?>(nil)
    let router = Router(context: BasicWebSocketRequestContext.self)
    server.addRoutes(to: router, path: "/ws") { "ws://127.0.0.1:\(port.withLock { $0 } ?? 0)/ws" }
    let app = Application(
      router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } },
      logger: appLogger)

    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await app.run() }
      group.addTask { await server.run() }
      defer { group.cancelAll() }
      let ready = await eventually(30) { port.withLock { $0 } != nil && world.hub.subscriberCount > 0 }
      guard ready, let bound = port.withLock({ $0 }) else { throw HarnessError("the server did not start") }
      let harness = EventSubHarness(
        world: world, server: server, port: bound, broadcaster: broadcaster, viewer: viewer, moderator: moderator,
        bot: bot)
      try await body(harness)
      await server.shutdown()
    }
  }

  /// A user token for `user` with `scopes`.
  func token(for user: SimUser, _ scopes: [String]) throws -> SimToken {
    try world.mintToken(clientID: Self.clientID, userID: user.id, scopes: scopes)
  }

  /// Subscribes `session` as Helix would; the condition defaults to this channel and `user`.
  @discardableResult
  func subscribe(
    _ type: String, version: String = "1", session: String, as user: SimUser? = nil, scopes: [String],
    condition: [String: String]? = nil
  ) throws -> EventSubSubscription {
    let user = user ?? bot
    let catalog = EventSubCatalog.type(type, version: version)
    var defaults = ["broadcaster_user_id": broadcaster.id]
    if catalog?.conditionKeys.contains("user_id") == true { defaults["user_id"] = user.id }
    if catalog?.conditionKeys.contains("moderator_user_id") == true { defaults["moderator_user_id"] = user.id }
    return try world.createEventSubSubscription(
      type: type, version: version, condition: condition ?? defaults, sessionID: session,
      token: token(for: user, scopes))
  }
}

struct HarnessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A WebSocket client that records every text message and how the server closed.
final class TestClient: Sendable {
  private final class State: Sendable {
    let received = Mutex<[String]>([])
    let cursor = Mutex(0)
    let closeCode = Mutex<Int?>(nil)
    let finished = Mutex(false)
    let refused = Mutex(false)
  }

  enum Request: Sendable {
    case text(String)
    case close
  }

  private let state: State
  private let requests: AsyncStream<Request>.Continuation
  private let task: Task<Void, Never>

  init(_ url: String) {
    let (stream, continuation) = AsyncStream.makeStream(of: Request.self)
    requests = continuation
    let state = State()
    self.state = state
    task = Task {
      var logger = Logger(label: "test.client")
      logger.logLevel = .warning
      do {
        let frame = try await WebSocketClient.connect(url: url, logger: logger) { inbound, outbound, _ in
          try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
              for await request in stream {
                switch request {
                case .text(let text): try await outbound.write(.text(text))
                case .close: try await outbound.close(.normalClosure, reason: nil)
                }
              }
            }
            for try await message in inbound.messages(maxSize: 1 << 20) {
              if case .text(let text) = message { state.received.withLock { $0.append(text) } }
            }
            group.cancelAll()
          }
        }
        let code: Int? =
          switch frame?.closeCode {
          case .unknown(let value): Int(value)
          case .normalClosure: 1000
          case .goingAway: 1001
          case .protocolError: 1002
          case .unexpectedServerError: 1011
          case nil: nil
          default: -1
          }
        state.closeCode.withLock { $0 = code }
      } catch let error as WebSocketClientError {
        state.refused.withLock { $0 = error == .webSocketUpgradeFailed }
      } catch {}
      state.finished.withLock { $0 = true }
    }
  }

  deinit {
    requests.finish()
    task.cancel()
  }

  func send(_ text: String) { requests.yield(.text(text)) }

  /// Starts the closing handshake from the client side.
  func close() { requests.yield(.close) }

  /// The next message (any type), parsed; `nil` if none comes within `seconds`.
  func next(within seconds: Double = 20) async -> JSONObject? {
    let state = state
    let arrived = await eventually(seconds) { state.received.withLock { $0.count } > state.cursor.withLock { $0 } }
    guard arrived else { return nil }
    let index = state.cursor.withLock { cursor in
      defer { cursor += 1 }
      return cursor
    }
    return JSONObject(state.received.withLock { $0[index] })
  }

  /// The next message of `type`, skipping others (keepalives); `nil` if none comes in time.
  func next(_ type: String, within seconds: Double = 20) async -> JSONObject? {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
      guard let message = await next(within: seconds) else { return nil }
      if message.messageType == type { return message }
    }
    return nil
  }

  /// Every message received so far, parsed.
  var all: [JSONObject] { state.received.withLock { $0 }.compactMap(JSONObject.init) }

  /// The close code the server sent, once the connection has ended (`nil` if it has not
  /// within `seconds`, or ended without one).
  func closeCode(within seconds: Double = 20) async -> Int? {
    let state = state
    _ = await eventually(seconds) { state.finished.withLock { $0 } }
    return state.closeCode.withLock { $0 }
  }

  /// Whether the server refused the upgrade (an HTTP error instead of a WebSocket).
  func wasRefused(within seconds: Double = 20) async -> Bool {
    let state = state
    _ = await eventually(seconds) { state.finished.withLock { $0 } }
    return state.refused.withLock { $0 }
  }
}

/// A parsed JSON object with path lookups, for assertions.
struct JSONObject: @unchecked Sendable {
  let raw: [String: Any]
  let text: String

  init?(_ text: String) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
    self.raw = object
    self.text = text
  }

  init(_ raw: [String: Any]) {
    self.raw = raw
    self.text = ""
  }

  /// The value at a dotted path (`payload.session.id`); `NSNull` for JSON null.
  subscript(path: String) -> Any? {
    var value: Any? = raw
    for key in path.split(separator: ".") {
      if let index = Int(key), let array = value as? [Any] {
        value = index < array.count ? array[index] : nil
      } else {
        value = (value as? [String: Any])?[String(key)]
      }
    }
    return value
  }

  func string(_ path: String) -> String? { self[path] as? String }
  func int(_ path: String) -> Int? { self[path] as? Int }
  func isNull(_ path: String) -> Bool { self[path] is NSNull }
  func object(_ path: String) -> JSONObject? { (self[path] as? [String: Any]).map(JSONObject.init) }
  func keys(_ path: String) -> Set<String> { Set((self[path] as? [String: Any]).map { Array($0.keys) } ?? []) }
  var messageType: String? { string("metadata.message_type") }
}
