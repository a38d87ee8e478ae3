import Foundation
import Logging
import Testing
import TwitchSimCore
import TwitchSimIRC
import WardenTestSupport

/// A world with a channel (alice) and a few users, an IRC server on a free port and its event
/// loop running.
struct IRCFixture {
  let world: SimWorld
  let server: IRCServer
  let port: Int
  private let runner: Task<Void, Never>
  let alice: SimUser
  let bob: SimUser
  let carol: SimUser
  let dave: SimUser
  /// Tokens with `chat:read chat:edit`, by login.
  let tokens: [String: String]

  static func start(_ configure: (inout IRCServer.Options) -> Void = { _ in }) async throws -> IRCFixture {
    var logger = Logger(label: "irc-test")
    logger.logLevel = .error
    let world = SimWorld(logger: logger)
    world.registerApp(clientID: "warden", clientSecret: "secret")
    let alice = try world.createUser(login: "alice", displayName: "Alice", color: "#1E90FF")
    let bob = try world.createUser(login: "bob", displayName: "Bob")
    let carol = try world.createUser(login: "carol", displayName: "Carol", color: "#8A2BE2")
    let dave = try world.createUser(login: "dave", displayName: "Dave")
    try world.openChannel(broadcasterID: alice.id)
    try world.setRole(.moderator, true, userID: carol.id, in: alice.id)
    var tokens: [String: String] = [:]
    for user in [alice, bob, carol, dave] {
      tokens[user.login] =
        try world.mintToken(clientID: "warden", userID: user.id, scopes: ["chat:read", "chat:edit"]).accessToken
    }
    var options = IRCServer.Options()
    configure(&options)
    let server = IRCServer(world: world, options: options, logger: logger)
    let port = try await server.startTCP(host: "127.0.0.1", port: 0)
    let runner = Task { await server.run() }
    #expect(await eventually { world.hub.subscriberCount > 0 })
    return IRCFixture(
      world: world, server: server, port: port, runner: runner, alice: alice, bob: bob, carol: carol, dave: dave,
      tokens: tokens)
  }

  func stop() async {
    runner.cancel()
    await server.shutdown()
  }

  /// A client logged in as `login` with every capability, past the welcome.
  func login(_ login: String, capabilities: String? = Self.allCapabilities) async throws -> RawClient {
    let client = try await RawClient.connect(port: port)
    if let capabilities { try await client.send(capabilities) }
    if login.hasPrefix("justinfan") {
      try await client.send("NICK \(login)")
    } else {
      try await client.send("PASS oauth:\(tokens[login]!)", "NICK \(login)")
    }
    #expect(await client.line(containing: " 376 \(login) :>") != nil)
    return client
  }

  /// Joins `#channel` and waits for the end of the join burst.
  func join(_ client: RawClient, _ channel: String = "alice") async throws {
    try await client.send("JOIN #\(channel)")
    #expect(await client.line(containing: "ROOMSTATE #\(channel)") != nil)
  }

  static let allCapabilities = "CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership"

  /// Milliseconds since 1970, as `tmi-sent-ts`.
  static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
