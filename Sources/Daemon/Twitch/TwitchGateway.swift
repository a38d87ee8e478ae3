import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import WardenDaemon
import WardenGateway
import WardenHelix
import WardenProtocol
import WardenTransport

/// The Twitch gateway: reads chat and moderation over IRC and EventSub, publishes them as typed
/// events, and carries out moderators' commands through Helix. A `Service` of the daemon.
///
/// Nothing connects before there is something to do: IRC opens once a channel is watched, and
/// EventSub once a user token allows it, so a daemon without channels stays off the network.
public final class TwitchGateway: Service, Sendable {
  let settings: TwitchSettings
  let bus: EventBus
  let logger: Logger
  let state: Mutex<GatewayState>
  /// OAuth, tokens and Helix exist when a client id is configured.
  let oauth: OAuthClient?
  let tokens: TokenManager?
  let helix: HelixClient?
  let commandCache = IdempotencyCache()
  let irc: IRCClient
  /// Whether EventSub runs (configured and possible with a client id).
  let eventSubEnabled: Bool
  let handlers: Handlers
  /// Wakes the supervisors when channels or the authorization change.
  let changes: ChangeSignal
  /// Login flows run by `run()`.
  let jobs: AsyncStream<@Sendable () async -> Void>
  let jobsInput: AsyncStream<@Sendable () async -> Void>.Continuation

  /// Builds the gateway from the daemon's configuration. Throws when a URL cannot be used.
  public init(
    settings: TwitchSettings, channels: [String], bus: EventBus, dataDirectory: String, logger: Logger
  ) throws {
    self.settings = settings
    self.bus = bus
    var logger = logger
    logger[metadataKey: "warden.part"] = "twitch"
    self.logger = logger
    state = Mutex(GatewayState(channels: channels, window: .milliseconds(settings.dedupeWindowMS)))
    changes = ChangeSignal()
    (jobs, jobsInput) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(8))

    if let clientID = settings.clientID {
      guard let oauthURL = URL(string: settings.oauthURL), let helixURL = URL(string: settings.helixURL) else {
        throw ConfigError(location: "twitch", reason: "oauth_url or helix_url is not a URL")
      }
      let credentials = TwitchCredentials(clientID: clientID, clientSecret: settings.clientSecret)
      let oauth = OAuthClient(baseURL: oauthURL, credentials: credentials, logger: logger)
      let tokens = TokenManager(oauth: oauth, store: TokenStore(directory: dataDirectory), logger: logger)
      self.oauth = oauth
      self.tokens = tokens
      helix = HelixClient(baseURL: helixURL, clientID: clientID, tokens: tokens, logger: logger)
    } else {
      oauth = nil
      tokens = nil
      helix = nil
    }

    let endpoint: IRCEndpoint
    do {
      endpoint = try IRCEndpoint(parsing: settings.ircURL)
    } catch {
      throw ConfigError(location: "twitch.irc_url", reason: "\(error)")
    }
    var ircConfiguration = IRCClientConfiguration(endpoint: endpoint, channels: channels)
    ircConfiguration.maxChannelsPerConnection = settings.maxChannelsPerConnection
    let handlers = Handlers()
    let tokenSource = tokens
    irc = IRCClient(
      configuration: ircConfiguration,
      credentials: { await Self.ircCredentials(tokenSource) },
      handler: { event in handlers.irc(event) }, logger: logger)
    eventSubEnabled = settings.transports.contains(.eventsub) && tokens != nil
    self.handlers = handlers
    handlers.attach(to: self)
  }

  /// The IRC login: the token's account when it may read chat, else anonymous.
  static func ircCredentials(_ tokens: TokenManager?) async -> IRCCredentials {
    guard let tokens, let token = await tokens.userToken, let login = token.login,
      token.scopes.contains("chat:read"), let access = await tokens.accessToken()
    else { return .anonymous() }
    return IRCCredentials(nick: login, token: access)
  }

  public func run() async throws {
    if let tokens {
      await tokens.setChangeHandler { [weak self] change in self?.authChanged(change) }
      do {
        try await tokens.start()
      } catch {
        logger.error("cannot use the stored Twitch token", metadata: ["auth.error": "\(error)"])
      }
      reportAuthAtStart(await tokens.status)
    }
    await cancelWhenGracefulShutdown {
      await withTaskGroup(of: Void.self) { group in
        if let tokens = self.tokens {
          group.addTask { try? await tokens.run() }
        }
        group.addTask { await self.superviseIRC() }
        if self.eventSubEnabled {
          group.addTask { await self.superviseEventSub() }
        }
        group.addTask { await self.expireHeldEvents() }
        group.addTask {
          for await job in self.jobs { await job() }
        }
        await group.next()
        group.cancelAll()
      }
    }
    publish(state.withLock { $0.merger.flush() }.map { ($0, nil) })
  }

  /// Runs IRC from the moment a channel is watched.
  private func superviseIRC() async {
    var wake = changes.subscribe().makeAsyncIterator()
    while !Task.isCancelled {
      if !state.withLock({ $0.channels.isEmpty }) {
        do {
          try await irc.run()
        } catch {
          logger.error("the IRC client stopped", metadata: ["twitch.error": "\(error)"])
        }
        return
      }
      guard await wake.next() != nil else { return }
    }
  }

  /// Runs EventSub while a user token exists and a channel is watched; stops it when the token
  /// goes.
  private func superviseEventSub() async {
    guard let tokens else { return }
    var wake = changes.subscribe().makeAsyncIterator()
    while !Task.isCancelled {
      let authenticated = await tokens.status.state == .authenticated
      let hasChannels = !state.withLock { $0.channels.isEmpty }
      if authenticated && hasChannels {
        let lost = changes.subscribe()
        let handlers = handlers
        let eventSub = EventSubClient(
          configuration: EventSubClientConfiguration(url: settings.eventSubURL),
          subscribe: { request in await handlers.subscribe(request) },
          handler: { event in handlers.eventSub(event) }, logger: logger)
        await withTaskGroup(of: Void.self) { group in
          group.addTask {
            do {
              try await eventSub.run()
            } catch {
              self.logger.error("the EventSub client stopped", metadata: ["twitch.error": "\(error)"])
            }
          }
          group.addTask {
            for await _ in lost where await tokens.status.state != .authenticated { break }
          }
          await group.next()
          group.cancelAll()
        }
        state.withLock {
          $0.eventSubModeration = []
          $0.subscriptions = [:]
          $0.eventSubSession = nil
        }
        if Task.isCancelled { return }
        continue
      }
      guard await wake.next() != nil else { return }
    }
  }

  /// Publishes IRC reports whose EventSub twin did not come in time.
  private func expireHeldEvents() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: .milliseconds(100))
      publish(state.withLock { $0.expireHeld(now: .now) })
    }
  }
}

/// The gateway's callbacks, set once the gateway exists (its clients are made before it is). It
/// holds the gateway weakly: the gateway owns the clients that hold this.
final class Handlers: Sendable {
  private struct Weak: Sendable {
    weak var gateway: TwitchGateway?
  }

  private let slot = Mutex(Weak())

  func attach(to gateway: TwitchGateway) { slot.withLock { $0.gateway = gateway } }

  private var gateway: TwitchGateway? { slot.withLock { $0.gateway } }

  func irc(_ event: IRCClientEvent) { gateway?.handleIRC(event) }

  func eventSub(_ event: EventSubClientEvent) { gateway?.handleEventSub(event) }

  func subscribe(_ request: EventSubSubscribeRequest) async { await gateway?.subscribe(request) }
}
