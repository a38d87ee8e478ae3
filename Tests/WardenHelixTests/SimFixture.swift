import Foundation
import Logging
import TwitchSim
import TwitchSimCore
import WardenGateway
import WardenHelix

/// A twitch-sim running in process on port 0 with a channel (`streamer`), its moderator
/// (`moddy`), two viewers, a public client (device flow) and a confidential one.
final class SimFixture: Sendable {
  static let publicClient = "warden-public-client"
  static let confidentialClient = "warden-confidential-client"
  static let secret = "confidential-secret-4f9a2c"

  static let moderatorScopes = [
    "moderator:manage:banned_users", "moderator:manage:chat_messages", "moderator:manage:chat_settings",
    "moderator:read:chat_settings", "user:write:chat", "moderator:manage:warnings", "moderator:manage:shield_mode",
    "user:read:chat", "moderator:read:chatters", "chat:read", "chat:edit",
  ]

  let sim: TwitchSim
  let task: Task<Void, any Error>
  let urls: SimURLs
  let streamer: SimUser
  let moderator: SimUser
  let viewer: SimUser
  let troll: SimUser

  var world: SimWorld { sim.world }
  var oauthURL: URL { URL(string: urls.oauth)! }
  var helixURL: URL { URL(string: urls.helix)! }

  private init(sim: TwitchSim, task: Task<Void, any Error>, urls: SimURLs) throws {
    self.sim = sim
    self.task = task
    self.urls = urls
    let world = sim.world
    world.registerApp(clientID: Self.publicClient, clientSecret: nil, name: "warden")
    world.registerApp(clientID: Self.confidentialClient, clientSecret: Self.secret, name: "warden-bot")
    streamer = try world.createUser(login: "streamer", displayName: "Streamer")
    moderator = try world.createUser(login: "moddy", displayName: "Moddy")
    viewer = try world.createUser(login: "viewer", displayName: "Viewer")
    troll = try world.createUser(login: "troll", displayName: "Troll")
    try world.openChannel(broadcasterID: streamer.id)
    try world.setRole(.moderator, true, userID: moderator.id, in: streamer.id)
  }

  /// Runs `body` against a fresh simulator, then stops it.
  static func run(_ options: TwitchSim.Options = .init(), _ body: (SimFixture) async throws -> Void) async throws {
    var logger = Logger(label: "test.twitch-sim")
    logger.logLevel = .critical
    let sim = TwitchSim(options: options, logger: logger)
    let task = Task { try await sim.run() }
    let fixture: SimFixture
    do {
      fixture = try SimFixture(sim: sim, task: task, urls: try await sim.ready())
    } catch {
      task.cancel()
      throw error
    }
    do {
      try await body(fixture)
    } catch {
      await fixture.stop()
      throw error
    }
    await fixture.stop()
  }

  func stop() async {
    task.cancel()
    _ = try? await task.value
  }

  // MARK: Tokens

  /// A token minted by the simulator, as an `OAuthToken` Warden would hold (no account yet).
  func mint(
    _ user: SimUser? = nil, client: String = publicClient, scopes: [String] = moderatorScopes,
    lifetime: TimeInterval? = nil
  ) throws -> OAuthToken {
    let token = try world.mintToken(
      clientID: client, userID: (user ?? moderator).id, scopes: scopes, lifetime: lifetime)
    return OAuthToken(
      accessToken: token.accessToken, refreshToken: token.refreshToken, scopes: token.scopes,
      expiresAt: Int64(token.expiresAt.timeIntervalSince1970 * 1000))
  }

  // MARK: Clients

  func credentials(_ client: String = publicClient) -> TwitchCredentials {
    TwitchCredentials(clientID: client, clientSecret: client == Self.confidentialClient ? Self.secret : nil)
  }

  func oauth(_ client: String = publicClient, clock: AuthClock = .system, logger: Logger = .quiet) -> OAuthClient {
    OAuthClient(baseURL: oauthURL, credentials: credentials(client), clock: clock, logger: logger)
  }

  func manager(
    directory: String, client: String = publicClient, clock: AuthClock = .system, logger: Logger = .quiet,
    configuration: TokenManager.Configuration = .init(), onChange: (@Sendable (AuthChange) -> Void)? = nil
  ) -> TokenManager {
    TokenManager(
      oauth: oauth(client, clock: clock, logger: logger), store: TokenStore(directory: directory),
      configuration: configuration, clock: clock, logger: logger, onChange: onChange)
  }

  /// A Helix client over `tokens`, with quick retries.
  func helix(
    tokens: any HelixTokenSource, client: String = publicClient, logger: Logger = .quiet,
    retryPolicy: HelixRetryPolicy = .quick
  ) -> HelixClient {
    HelixClient(baseURL: helixURL, clientID: client, tokens: tokens, retryPolicy: retryPolicy, logger: logger)
  }

  /// The actions the simulator recorded of `kind`.
  func actions(_ kind: String) -> [RecordedAction] {
    world.actions(kind: kind)
  }
}

extension Logger {
  /// A logger that drops everything.
  static var quiet: Logger {
    var logger = Logger(label: "test.helix")
    logger.logLevel = .critical
    return logger
  }
}

extension TwitchSim.Options {
  /// No `slow_down`: the device flow may poll back to back.
  static var quickPolls: Self {
    var options = Self()
    options.oauth.enforcePollInterval = false
    return options
  }

  /// A Helix bucket of two points that refills in two seconds.
  static var smallBucket: Self {
    var options = Self()
    options.helix.bucketSize = 2
    options.helix.refillSeconds = 2
    return options
  }
}
