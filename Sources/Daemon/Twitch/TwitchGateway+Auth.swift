import Foundation
import WardenDaemon
import WardenHelix
import WardenProtocol

/// `auth.*`: the login flows, the token's standing and its events.
extension TwitchGateway {
  func registerAuth(in router: inout CommandRouter) {
    router.register(CommandName.authStatus) { _ in try WireCoding.value(await self.authStatus()) }
    router.registerMutating(CommandName.authLogin, cache: commandCache) { request in
      let args = try CommandArguments.decode(AuthLoginArgs.self, request)
      return try WireCoding.value(try await self.login(flow: args.flow ?? .device))
    }
    router.registerMutating(CommandName.authLogout, cache: commandCache) { _ in
      guard let tokens = self.tokens else { return try WireCoding.value(await self.authStatus()) }
      try await self.twitch(CommandName.authLogout) { try await tokens.logout() }
      return try WireCoding.value(await self.authStatus())
    }
  }

  func authStatus() async -> AuthStatusResult {
    guard let tokens else {
      return AuthStatusResult(
        state: .anonymous,
        message: "no twitch.client_id is configured: chat is read anonymously and moderation is unavailable")
    }
    var status = await tokens.status
    let (pending, error) = state.withLock { ($0.pendingLogin, $0.loginError) }
    status.pending = pending
    if status.state != .authenticated {
      status.message = error ?? status.message ?? "not logged in: chat is read anonymously, moderation is unavailable"
    }
    return status
  }

  private func login(flow: AuthFlow) async throws(ProtocolError) -> AuthLoginResult {
    guard let oauth, let tokens else {
      throw ProtocolError(.unauthenticated, "auth.login: set twitch.client_id in the configuration first")
    }
    let scopes = settings.scopes
    switch flow {
    case .device:
      let authorization = try await twitch("auth.login") { try await oauth.startDeviceAuthorization(scopes: scopes) }
      let result = AuthLoginResult(
        flow: .device, verificationURI: authorization.verificationURI, userCode: authorization.userCode,
        expiresAt: Int64(authorization.expiresAt.timeIntervalSince1970 * 1000))
      begin(result) {
        let token = try await oauth.pollDeviceAuthorization(authorization)
        try await tokens.install(token)
      }
      return result
    case .code:
      guard settings.clientSecret != nil else {
        throw ProtocolError(
          .invalidArgs, "auth.login: the code flow needs twitch.client_secret; use the device flow (`warden login`)")
      }
      guard let redirect = URLComponents(string: settings.redirectURI), let port = redirect.port else {
        throw ProtocolError(.invalidArgs, "auth.login: twitch.redirect_uri needs an explicit port")
      }
      let listener: AuthorizationCodeListener
      do {
        listener = try AuthorizationCodeListener(
          port: port, path: redirect.path.isEmpty ? "/" : redirect.path, logger: logger)
      } catch {
        throw ProtocolError(.unavailable, "auth.login: cannot listen for the redirect on port \(port): \(error)")
      }
      let stateToken = UUID().uuidString
      let redirectURI = settings.redirectURI
      let url = oauth.authorizeURL(redirectURI: redirectURI, scopes: scopes, state: stateToken)
      let result = AuthLoginResult(
        flow: .code, verificationURI: url.absoluteString, userCode: nil,
        expiresAt: Int64(Date().addingTimeInterval(600).timeIntervalSince1970 * 1000))
      begin(result) {
        defer { listener.close() }
        let code = try await withThrowingTaskGroup(of: String.self) { group in
          group.addTask { try await listener.waitForCode(state: stateToken) }
          group.addTask {
            try await Task.sleep(for: .seconds(600))
            throw ProtocolError(.unavailable, "the login was not completed within 10 minutes")
          }
          defer { group.cancelAll() }
          return try await group.next() ?? ""
        }
        let token = try await oauth.exchangeCode(code, redirectURI: redirectURI)
        try await tokens.install(token)
      }
      return result
    }
  }

  /// Records the pending login and finishes it in the background.
  private func begin(_ pending: AuthLoginResult, _ finish: @escaping @Sendable () async throws -> Void) {
    state.withLock {
      $0.pendingLogin = pending
      $0.loginError = nil
    }
    jobsInput.yield {
      do {
        try await finish()
        self.state.withLock { $0.pendingLogin = nil }
      } catch {
        self.logger.warning("Twitch login failed", metadata: ["auth.error": "\(error)"])
        self.state.withLock {
          $0.pendingLogin = nil
          $0.loginError = "the last login failed: \(error)"
        }
      }
    }
  }

  /// A change of the token's standing: an event, and IRC and EventSub follow the new identity.
  func authChanged(_ change: AuthChange) {
    if let type = change.eventType, let data = change.data {
      do {
        try bus.publish(type, payload: data)
      } catch {
        logger.error("cannot publish an auth event", metadata: ["warden.error": "\(error)"])
      }
    }
    switch change {
    case .refreshed:
      break
    case .loggedIn, .loggedOut, .expired, .revoked, .invalid:
      changes.notify()
      let irc = irc
      Task { await irc.reconnect(reason: "the Twitch login changed") }
    }
  }

  func reportAuthAtStart(_ status: AuthStatusResult) {
    switch status.state {
    case .authenticated:
      logger.info("Twitch login valid", metadata: ["twitch.login": "\(status.user?.login ?? "?")"])
    default:
      logger.notice(
        "no valid Twitch login: chat is read anonymously and moderation is unavailable (run `warden login`)",
        metadata: ["auth.state": "\(status.state.rawValue)"])
    }
  }

  /// The gateway's part of `status`.
  func status(into result: inout StatusResult) async {
    let auth = await authStatus()
    let connections = state.withLock { state in
      state.connections.values.sorted {
        ($0.transport.rawValue, $0.connection) < ($1.transport.rawValue, $1.connection)
      }
    }
    let channels = await channelInfos()
    result.twitch = GatewayStatus(auth: auth, connections: connections, channels: channels)
  }
}

extension TwitchGateway {
  /// The gateway as a part of the daemon.
  public static func component(_ context: DaemonContext) throws -> DaemonComponent {
    let gateway = try TwitchGateway(
      settings: context.config.twitch, channels: context.config.channels, bus: context.bus,
      dataDirectory: context.dataDirectory, logger: context.logger)
    return DaemonComponent(
      service: gateway, register: { router in gateway.register(in: &router) },
      status: { result in await gateway.status(into: &result) })
  }
}
