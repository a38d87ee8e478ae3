import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Synchronization
import TwitchSimCore

/// Twitch's EventSub WebSocket server (`wss://eventsub.wss.twitch.tv/ws`) on loopback.
///
/// It owns the WebSocket sessions: welcomes them, keeps them alive, closes them with Twitch's
/// codes, and tells the world when they open and close. A connection made to a
/// `reconnect_url` continues the session it replaces (same id, same subscriptions). Helix
/// creates subscriptions on those sessions through the world; `run()` renders every world
/// event as notifications to the sessions whose subscriptions match, and applies the faults
/// and token revocations the world publishes.
public final class EventSubServer: Sendable {
  /// Timings and limits; the defaults are Twitch's.
  public struct Options: Sendable {
    /// How long a new session may go without a subscription before it is closed with 4003.
    /// `nil` (Twitch): the session's keepalive timeout, which the welcome announces as the
    /// time to subscribe. Tests set a shorter one.
    public var welcomeSubscribeDeadline: Duration?
    /// `keepalive_timeout_seconds` when the URL does not give one (Twitch: 10).
    public var defaultKeepaliveSeconds = 10
    /// Accepted `keepalive_timeout_seconds` (Twitch: 10...600); numeric values outside are
    /// clamped to the nearest end, as Twitch does. Tests widen it to use 1 s.
    public var keepaliveRange = 10...600
    /// Seconds a client has after `session_reconnect` to move to the new connection before
    /// the old one is closed with 4004 (Twitch: 30).
    public var reconnectGraceSeconds: Double = 30
    /// How long after the upgrade a connection to an unknown or used reconnect URL is closed
    /// with 4007. Twitch closes at once; a close frame and FIN that arrive while a swift-nio
    /// client (swift-websocket's `WSClient`) is still finishing its upgrade can leave that client
    /// hanging, so the simulator waits a moment by default. `.zero` is Twitch's timing.
    public var invalidReconnectCloseDelay: Duration = .milliseconds(500)

    public init() {}
  }

  let world: SimWorld
  let options: Options
  let logger: Logger
  let registry = Mutex(Registry())

  /// What the server knows across connections; only touched under `registry`'s lock. Lock
  /// order: `registry`, then the world's lock (never the other way round).
  ///
  /// A connection made to a `reconnect_url` keeps the session id of the one it replaces (as
  /// Twitch does), so connections are keyed by `connectionID`, and `holders` says which one
  /// holds each session id now: that one gets the session's messages, and the session ends
  /// when it ends. A replaced connection stays in `connections` until its client closes it or
  /// the grace period does (4004), but gets nothing more.
  struct Registry: Sendable {
    /// Open connections, replaced ones included.
    var connections: [UUID: EventSubSession] = [:]
    /// Session id → the connection that holds it.
    var holders: [String: UUID] = [:]
    /// Unused reconnect URLs: reconnect id → the connection it replaces.
    var reconnectIDs: [String: UUID] = [:]
    /// Notifications still to be delivered twice (`eventSubDuplicate`).
    var duplicatesLeft = 0
    var hubSubscription: UUID?
    var isShutDown = false

    /// The connection that holds `sessionID` now.
    func holder(of sessionID: String) -> EventSubSession? {
      holders[sessionID].flatMap { connections[$0] }
    }

    /// A welcomed connection; it holds its session id from now on (a reconnect takes it over
    /// from the connection it replaces).
    mutating func add(_ connection: EventSubSession) {
      connections[connection.connectionID] = connection
      holders[connection.id] = connection.connectionID
    }

    /// Takes a reconnect id (once): the connection it replaces, if that one still holds its
    /// session and is waiting for its client to move.
    mutating func redeem(_ reconnectID: String) -> EventSubSession? {
      guard let connectionID = reconnectIDs.removeValue(forKey: reconnectID),
        let old = connections[connectionID], holders[old.id] == connectionID, old.update({ $0.replace() })
      else { return nil }
      return old
    }

    /// A connection ended; returns whether it held its session id, so the session ends with it.
    mutating func remove(_ connection: EventSubSession) -> Bool {
      connections[connection.connectionID] = nil
      reconnectIDs = reconnectIDs.filter { $0.value != connection.connectionID }
      guard holders[connection.id] == connection.connectionID else { return false }
      holders[connection.id] = nil
      return true
    }
  }

  public init(world: SimWorld, options: Options = .init(), logger: Logger) {
    self.world = world
    self.options = options
    self.logger = logger
  }

  /// Open connections (including replaced ones whose client has not closed them yet).
  public var sessionCount: Int { registry.withLock { $0.connections.count } }

  /// Adds the WebSocket route. `publicURL` gives this route's own `ws://` URL (known only once
  /// the server is bound); reconnect URLs are built from it.
  public func addRoutes(
    to router: Router<BasicWebSocketRequestContext>, path: String, publicURL: @escaping @Sendable () -> String
  ) {
    let options = options
    router.ws(
      RouterPath(path),
      shouldUpgrade: { request, _ in
        // Twitch documents clamping for numeric values only; anything else is refused with 400
        // instead of an upgrade.
        let raw = request.uri.queryParameters["keepalive_timeout_seconds"].map(String.init)
        guard KeepaliveParameter.seconds(raw, options: options) != nil else {
          throw HTTPError(
            .badRequest, message: "keepalive_timeout_seconds must be a whole number of seconds between 10 and 600")
        }
        return .upgrade([:])
      },
      onUpgrade: { [self] inbound, outbound, context in
        let query = context.request.uri.queryParameters
        let reconnectID = query["reconnect_id"].map(String.init)
        let keepalive =
          KeepaliveParameter.seconds(query["keepalive_timeout_seconds"].map(String.init), options: options)
          ?? options.defaultKeepaliveSeconds
        await serveConnection(
          inbound: inbound, outbound: outbound, keepaliveSeconds: keepalive, reconnectID: reconnectID,
          publicURL: publicURL)
      })
  }

  /// Consumes the world's events until cancelled or shut down: notifications, revocations,
  /// faults.
  public func run() async {
    let (id, events) = world.hub.subscribe()
    let stopped = registry.withLock { registry in
      registry.hubSubscription = id
      return registry.isShutDown
    }
    if stopped {
      world.hub.cancel(id)
      return
    }
    var renderer = EventSubRenderer(world: world)
    for await event in events {
      handle(event, renderer: &renderer)
    }
    world.hub.cancel(id)
  }

  /// Stops `run()` and ends every session (a normal close).
  public func shutdown() async {
    let (sessions, subscription) = registry.withLock { registry in
      registry.isShutDown = true
      return (Array(registry.connections.values), registry.hubSubscription)
    }
    if let subscription { world.hub.cancel(subscription) }
    for session in sessions { session.finish() }
  }
}

/// The `keepalive_timeout_seconds` query parameter.
enum KeepaliveParameter {
  /// The keepalive for a raw parameter: the default when absent, a number rounded and clamped
  /// to the range (Twitch: "an invalid, but numeric value will return the nearest acceptable
  /// value"), `nil` when it is not a number.
  static func seconds(_ raw: String?, options: EventSubServer.Options) -> Int? {
    guard let raw else { return options.defaultKeepaliveSeconds }
    guard let number = Double(raw.trimmingCharacters(in: .whitespaces)), number.isFinite else { return nil }
    let rounded = number.rounded()
    if rounded <= Double(options.keepaliveRange.lowerBound) { return options.keepaliveRange.lowerBound }
    if rounded >= Double(options.keepaliveRange.upperBound) { return options.keepaliveRange.upperBound }
    return Int(rounded)
  }
}
