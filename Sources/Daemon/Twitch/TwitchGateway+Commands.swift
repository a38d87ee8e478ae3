import WardenDaemon
import WardenHelix
import WardenProtocol

/// The gateway's commands: channels, moderation and chat through Helix.
extension TwitchGateway {
  /// Everything a moderation command needs.
  struct Moderation: Sendable {
    var helix: HelixClient
    var channel: TwitchChannel
    var moderatorID: String
  }

  func register(in router: inout CommandRouter) {
    router.register(CommandName.channelsList) { _ in
      try WireCoding.value(ChannelsResult(channels: await self.channelInfos()))
    }
    router.registerMutating(CommandName.channelsJoin, cache: commandCache) { request in
      try await self.join(request)
    }
    router.registerMutating(CommandName.channelsPart, cache: commandCache) { request in
      try await self.part(request)
    }
    registerModeration(in: &router)
    registerAuth(in: &router)
  }

  /// Every watched channel, with its id and IRC connection (numbered from 0, as in
  /// `sys.connection`).
  func channelInfos() async -> [ChannelInfo] {
    let statuses = await irc.channels()
    return state.withLock { state in
      state.channels.map { login in
        let status = statuses.first { $0.login == login }
        return ChannelInfo(
          login: login, id: state.channelIDs[login], joined: status?.joined ?? false,
          connection: status.map { $0.connection - 1 })
      }
    }
  }

  /// The channel a command acts in: the one named, or the only one watched.
  func channelLogin(_ raw: String?, command: String) throws(ProtocolError) -> String {
    if let raw {
      guard let login = ChannelName.normalise(raw) else {
        throw ProtocolError(.invalidArgs, "\(command): '\(raw)' is not a Twitch channel name")
      }
      return login
    }
    let channels = state.withLock { $0.channels }
    guard channels.count == 1 else {
      throw ProtocolError(
        .invalidArgs,
        channels.isEmpty
          ? "\(command): no channel is watched; name one with 'channel' (warden: --channel)"
          : "\(command): \(channels.count) channels are watched; name one with 'channel' (warden: --channel)")
    }
    return channels[0]
  }

  /// Checks that moderation is possible and resolves the channel.
  func moderation(_ raw: String?, command: String) async throws(ProtocolError) -> Moderation {
    guard let helix, let tokens else {
      throw ProtocolError(
        .unauthenticated,
        "\(command): moderation needs twitch.client_id in the configuration and a login (`warden login`)")
    }
    let status = await tokens.status
    guard status.state == .authenticated, let moderatorID = status.user?.id else {
      throw ProtocolError(
        .unauthenticated,
        "\(command): moderation is unavailable: \(status.message ?? "not logged in to Twitch"); run `warden login`")
    }
    let login = try channelLogin(raw, command: command)
    let id = try await twitch(command) { try await self.channelIDs([login])[login] }
    guard let id else { throw ProtocolError(.notFound, "\(command): Twitch has no channel named '\(login)'") }
    return Moderation(helix: helix, channel: TwitchChannel(id: id, login: login), moderatorID: moderatorID)
  }

  /// A user by login: from chat seen, else from Helix.
  func user(_ raw: String, command: String) async throws(ProtocolError) -> TwitchUser {
    let login = try CommandArguments.login(raw, command: command)
    if let known = state.withLock({ $0.users[login] }) { return known }
    guard let helix else { throw ProtocolError(.unauthenticated, "\(command): looking up users needs Twitch access") }
    let found = try await twitch(command) { try await helix.users(logins: [login]).first }
    guard let found else { throw ProtocolError(.notFound, "\(command): Twitch has no user named '\(login)'") }
    let user = TwitchUser(id: found.id, login: found.login, displayName: found.displayName)
    state.withLock { $0.users[login] = user }
    return user
  }

  /// Runs a Twitch call, turning its failure into an error reply with Twitch's words.
  func twitch<T: Sendable>(_ command: String, _ body: @Sendable () async throws -> T) async throws(ProtocolError) -> T {
    do {
      return try await body()
    } catch let error as HelixError {
      throw error.protocolError
    } catch let error as ProtocolError {
      throw error
    } catch {
      throw ProtocolError(.twitchUnavailable, "\(command): \(error)", retryable: true)
    }
  }

  /// Links the event Twitch will send back for this action to the command's id.
  func expectCause(_ key: GatewayState.CauseKey, id: String) {
    state.withLock { $0.causes[key] = (id, ContinuousClock.now + .seconds(15)) }
  }

  private func join(_ request: CommandRequest) async throws -> JSONValue {
    let args = try CommandArguments.decode(ChannelsArgs.self, request)
    let logins = try args.channels.map { raw throws(ProtocolError) in try channelLogin(raw, command: request.cmd) }
    let added = state.withLock { state -> [String] in
      let new = logins.filter { !state.channels.contains($0) }
      var seen = Set<String>()
      let unique = new.filter { seen.insert($0).inserted }
      state.channels += unique
      return unique
    }
    if !added.isEmpty {
      await irc.join(added)
      changes.notify()
      if let session = state.withLock({ $0.eventSubSession }) {
        await subscribe(channels: added, sessionID: session, only: nil)
      }
    }
    return try WireCoding.value(ChannelsResult(channels: await channelInfos()))
  }

  private func part(_ request: CommandRequest) async throws -> JSONValue {
    let args = try CommandArguments.decode(ChannelsArgs.self, request)
    let logins = try args.channels.map { raw throws(ProtocolError) in try channelLogin(raw, command: request.cmd) }
    let removed = state.withLock { state -> [(String, String?)] in
      let gone = state.channels.filter { logins.contains($0) }
      state.channels.removeAll { logins.contains($0) }
      state.ircJoined.subtract(logins)
      return gone.map { ($0, state.channelIDs[$0]) }
    }
    if !removed.isEmpty {
      await irc.part(removed.map(\.0))
      for case (_, let id?) in removed { await unsubscribe(channelID: id) }
      changes.notify()
    }
    return try WireCoding.value(ChannelsResult(channels: await channelInfos()))
  }
}
