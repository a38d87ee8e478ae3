import NIOSSL
import WardenGateway

/// How an `IRCClient` connects. Every field has a default fit for Twitch; tests shorten the
/// timings.
public struct IRCClientConfiguration: Sendable {
  /// Where to connect: `wss://`, `ws://`, `tls://` or `tcp://`.
  public var endpoint: IRCEndpoint
  /// The channels (logins, with or without `#`) joined from the start.
  public var channels: [String]
  /// The most channels one connection carries; more channels open more connections
  /// (`ChannelSharding`). Connection 1 always stays open, even without channels.
  public var maxChannelsPerConnection: Int
  /// JOINs allowed per `joinWindow` across all connections (Twitch: 20 per 10 s for an ordinary
  /// account, 2000 for a verified bot).
  public var joinsPerWindow: Int
  public var joinWindow: Duration
  /// Added to `joinWindow` when pacing, so that a JOIN delayed on its way cannot make Twitch
  /// count more JOINs in its window than allowed (which closes the connection).
  public var joinSafetyMargin: Duration
  /// Requested with `CAP REQ`.
  public var capabilities: [String]
  /// Silence on a connection after which we send our own `PING`.
  public var silenceBeforePing: Duration
  /// How long we wait for any line after our `PING` before reconnecting.
  public var pongTimeout: Duration
  /// How long connecting and logging in may take.
  public var handshakeTimeout: Duration
  public var backoff: ReconnectBackoff.Configuration
  /// How often timeouts, JOIN pacing and the message rate are checked.
  public var watchdogInterval: Duration
  /// During a handover (RECONNECT, or `reconnect(reason:)`), the longest the old connection stays
  /// open while the new one joins.
  public var handoverTimeout: Duration
  /// The span over which the message rate is measured for `possibleGap` estimates.
  public var rateWindow: Duration
  /// TLS settings for `wss://` and `tls://` (`nil`: the system's trust roots, full verification).
  public var tlsConfiguration: TLSConfiguration?
  /// The longest line (or WebSocket message) accepted from the server.
  public var maxLineBytes: Int

  public init(
    endpoint: IRCEndpoint = .twitchWebSocket,
    channels: [String] = [],
    maxChannelsPerConnection: Int = 100,
    joinsPerWindow: Int = 20,
    joinWindow: Duration = .seconds(10),
    joinSafetyMargin: Duration = .seconds(1),
    capabilities: [String] = ["twitch.tv/tags", "twitch.tv/commands", "twitch.tv/membership"],
    silenceBeforePing: Duration = .seconds(60),
    pongTimeout: Duration = .seconds(10),
    handshakeTimeout: Duration = .seconds(15),
    backoff: ReconnectBackoff.Configuration = .init(),
    watchdogInterval: Duration = .seconds(1),
    handoverTimeout: Duration = .seconds(25),
    rateWindow: Duration = .seconds(10),
    tlsConfiguration: TLSConfiguration? = nil,
    maxLineBytes: Int = 1 << 20
  ) {
    self.endpoint = endpoint
    self.channels = channels
    self.maxChannelsPerConnection = maxChannelsPerConnection
    self.joinsPerWindow = joinsPerWindow
    self.joinWindow = joinWindow
    self.joinSafetyMargin = joinSafetyMargin
    self.capabilities = capabilities
    self.silenceBeforePing = silenceBeforePing
    self.pongTimeout = pongTimeout
    self.handshakeTimeout = handshakeTimeout
    self.backoff = backoff
    self.watchdogInterval = watchdogInterval
    self.handoverTimeout = handoverTimeout
    self.rateWindow = rateWindow
    self.tlsConfiguration = tlsConfiguration
    self.maxLineBytes = maxLineBytes
  }

  /// The state machine settings for one connection (the credentials are set at each login).
  var machineConfiguration: IRCConnectionStateMachine.Configuration {
    IRCConnectionStateMachine.Configuration(
      url: endpoint.url, nick: "", token: "", capabilities: capabilities, silenceBeforePing: silenceBeforePing,
      pongTimeout: pongTimeout, handshakeTimeout: handshakeTimeout, backoff: backoff)
  }
}
