import Foundation
import Hummingbird
import Logging
import TwitchSimCore

/// Twitch's Helix API (`https://api.twitch.tv/helix`) over the simulated world: the same
/// paths, parameters, scopes, JSON, errors, rate-limit headers and 429s.
///
/// Each request goes through, in order: an injected fault (`SimWorld.takeHelixFault`: its
/// latency, then its status if any, before anything else); `Authorization: Bearer <token>`
/// and the token's `Client-Id` (401 `OAuth token is missing`, `Client ID is missing`,
/// `Invalid OAuth token`, `Client ID and OAuth token do not match`); the rate limit (one
/// point from the bucket of the token's client and user, or of the client for app tokens;
/// `Ratelimit-Limit`, `Ratelimit-Remaining` and `Ratelimit-Reset` on every authenticated
/// answer; 429 when empty); the route's scopes (401 `Missing scope: …`); then the handler.
/// Errors are always `{"error","status","message"}`. Every change the world accepts is
/// recorded with `via: "helix"` and the request's parameters; refused requests record nothing.
public struct HelixAPI: Sendable {
  public struct Options: Sendable {
    /// Points in each token bucket (Twitch: 800).
    public var bucketSize = 800
    /// Seconds an empty bucket takes to fill again (Twitch: 60).
    public var refillSeconds: TimeInterval = 60
    /// Largest request body accepted.
    public var maxBodyBytes = 1 << 20

    public init() {}
  }

  let world: SimWorld
  let options: Options
  let logger: Logger
  let limiter: HelixRateLimiter

  public init(world: SimWorld, options: Options = .init(), logger: Logger) {
    self.world = world
    self.options = options
    self.logger = logger
    limiter = HelixRateLimiter(capacity: options.bucketSize, refillSeconds: options.refillSeconds)
  }

  /// Adds every Helix endpoint under `prefix` (`/helix`).
  public func addRoutes<Context: RequestContext>(to router: Router<Context>, prefix: String) {
    let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
    for route in routes {
      router.on(RouterPath(base + "/" + route.path), method: route.method) { request, _ in
        await serve(request, route)
      }
    }
  }

  /// The endpoint table.
  var routes: [HelixRoute] {
    userRoutes + chatRoutes + moderationRoutes + blockedTermRoutes + roleRoutes + eventSubRoutes
  }
}
