import NIOSSL
import WardenGateway

/// How an `EventSubClient` connects. The defaults are Twitch's.
public struct EventSubClientConfiguration: Sendable {
  /// The EventSub WebSocket URL, optionally with `?keepalive_timeout_seconds=N` (10-600).
  public var url: String
  /// How long a new socket may take to send `session_welcome` before it is closed and the
  /// connection retried with backoff.
  public var welcomeTimeout: Duration
  /// Slack added to the session's keepalive before a silent socket counts as dead.
  public var keepaliveMargin: Duration
  /// After a `session_reconnect`, how long the new socket's welcome is held back so that
  /// notifications still in flight on the old socket are read first (the old socket closing ends
  /// the wait early). Nothing is lost or reordered; the new socket's messages wait that long.
  public var handoverDrain: Duration
  public var backoff: ReconnectBackoff.Configuration
  /// How often the welcome and keepalive deadlines are checked.
  public var watchdogInterval: Duration
  /// Revocation statuses after which recreating the subscription is pointless.
  public var terminalRevocationStatuses: Set<String>
  /// How many message ids are remembered to drop duplicates (across a `session_reconnect` too).
  public var deduplicationCapacity: Int
  /// TLS settings for `wss://` (`nil`: the system's trust roots, full verification).
  public var tlsConfiguration: TLSConfiguration?
  /// The largest message accepted.
  public var maxMessageBytes: Int

  public init(
    url: String = "wss://eventsub.wss.twitch.tv/ws",
    welcomeTimeout: Duration = .seconds(10),
    keepaliveMargin: Duration = .seconds(5),
    handoverDrain: Duration = .seconds(1),
    backoff: ReconnectBackoff.Configuration = .init(),
    watchdogInterval: Duration = .seconds(1),
    terminalRevocationStatuses: Set<String> = [
      "authorization_revoked", "user_removed", "moderator_removed", "version_removed", "chat_user_banned",
    ],
    deduplicationCapacity: Int = 10_000,
    tlsConfiguration: TLSConfiguration? = nil,
    maxMessageBytes: Int = 1 << 20
  ) {
    self.url = url
    self.welcomeTimeout = welcomeTimeout
    self.keepaliveMargin = keepaliveMargin
    self.handoverDrain = handoverDrain
    self.backoff = backoff
    self.watchdogInterval = watchdogInterval
    self.terminalRevocationStatuses = terminalRevocationStatuses
    self.deduplicationCapacity = deduplicationCapacity
    self.tlsConfiguration = tlsConfiguration
    self.maxMessageBytes = maxMessageBytes
  }

  /// The session machine's settings. Its one "subscription type" stands for every subscription
  /// the gateway creates, so a new session yields `.all(sessionID:)`.
  var machineConfiguration: EventSubSessionStateMachine.Configuration {
    EventSubSessionStateMachine.Configuration(
      url: url, subscriptionTypes: [EventSubClientCore.everySubscription], keepaliveMargin: keepaliveMargin,
      welcomeTimeout: welcomeTimeout, terminalRevocationStatuses: terminalRevocationStatuses,
      deduplicationCapacity: deduplicationCapacity, backoff: backoff)
  }
}
