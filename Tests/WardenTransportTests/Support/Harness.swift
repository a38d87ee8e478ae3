import Synchronization
import TwitchSim
import WardenGateway
import WardenTransport

/// Runs `body` against a fresh simulator and stops it afterwards, whatever happens.
func withSim(
  channels: [String] = ["streamer"],
  options: TwitchSim.Options = .init(),
  _ body: (SimFixture) async throws -> Void
) async throws {
  let sim = try await SimFixture.start(channels: channels, options: options)
  do {
    try await body(sim)
  } catch {
    await sim.stop()
    throw error
  }
  await sim.stop()
}

/// A running `IRCClient` and everything it reported.
struct IRCHarness: Sendable {
  let client: IRCClient
  let log: EventLog<IRCClientEvent>
}

/// Runs an `IRCClient` during `body`, then cancels it.
func withIRCClient(
  _ configuration: IRCClientConfiguration,
  credentials: @escaping @Sendable () async -> IRCCredentials = { .anonymous() },
  _ body: (IRCHarness) async throws -> Void
) async throws {
  let log = EventLog<IRCClientEvent>()
  let client = IRCClient(
    configuration: configuration, credentials: credentials, handler: { log.append($0) },
    logger: testLogger("test.irc"))
  let running = Running { try await client.run() }
  do {
    try await body(IRCHarness(client: client, log: log))
  } catch {
    await running.stop()
    throw error
  }
  await running.stop()
}

/// Short timings, so that reconnects and watchdogs act within a test.
func fastIRCConfiguration(_ url: String, channels: [String]) throws -> IRCClientConfiguration {
  var configuration = IRCClientConfiguration(endpoint: try IRCEndpoint(parsing: url), channels: channels)
  configuration.watchdogInterval = .milliseconds(50)
  configuration.handshakeTimeout = .seconds(5)
  configuration.backoff = ReconnectBackoff.Configuration(
    base: .milliseconds(20), cap: .milliseconds(200), stablePeriod: .seconds(60))
  configuration.rateWindow = .seconds(2)
  return configuration
}

/// A value tests change while a client's closure reads it.
final class Shared<Value: Sendable>: Sendable {
  private let storage: Mutex<Value>

  init(_ value: Value) {
    storage = Mutex(value)
  }

  var value: Value {
    get { storage.withLock { $0 } }
    set { storage.withLock { $0 = newValue } }
  }
}
