/// A connection the gateway keeps to Twitch.
public enum GatewayTransport: String, Sendable, Hashable, Codable, CaseIterable {
  /// Twitch chat over IRC (TCP or WebSocket).
  case irc
  /// The EventSub WebSocket.
  case eventsub
}

/// What happened to a gateway connection.
public enum ConnectionState: String, Sendable, Hashable, Codable, CaseIterable {
  /// Connected and ready (IRC: logged in; EventSub: welcome received).
  case connected
  /// Lost or asked to move; a new attempt follows after `retry_in_ms`.
  case reconnecting
  /// Closed, and no new attempt follows.
  case disconnected
}

/// `data` of `sys.connection`: a gateway connection to Twitch changed state. Published on
/// `sys.connection._` (it belongs to no channel).
public struct ConnectionData: Sendable, Hashable, Codable {
  /// Which connection.
  public var transport: GatewayTransport
  /// The gateway's number for the connection, from 0 (IRC spreads channels over several).
  public var connection: Int
  /// Its new state.
  public var state: ConnectionState
  /// The EventSub session id; `nil` for IRC.
  public var sessionID: String?
  /// The logins of the channels this connection carries.
  public var channels: [String]
  /// Why, for `reconnecting` and `disconnected`: a close code or error text, never a secret.
  public var reason: String?
  /// For `reconnecting`: the wait before the next attempt.
  public var retryInMS: Int?
  /// For `connected` after a loss: how long the connection was down, in ms.
  public var downMS: Int?
  /// For `connected` after a loss of an IRC connection: an estimate of the chat messages missed
  /// meanwhile (the rate before the loss times the time down); IRC has no replay.
  public var possiblyMissed: Int?

  public init(
    transport: GatewayTransport, connection: Int, state: ConnectionState, sessionID: String? = nil,
    channels: [String] = [], reason: String? = nil, retryInMS: Int? = nil, downMS: Int? = nil,
    possiblyMissed: Int? = nil
  ) {
    self.transport = transport
    self.connection = connection
    self.state = state
    self.sessionID = sessionID
    self.channels = channels
    self.reason = reason
    self.retryInMS = retryInMS
    self.downMS = downMS
    self.possiblyMissed = possiblyMissed
  }

  enum CodingKeys: String, CodingKey {
    case transport
    case connection
    case state
    case sessionID = "session_id"
    case channels
    case reason
    case retryInMS = "retry_in_ms"
    case downMS = "down_ms"
    case possiblyMissed = "possibly_missed"
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(transport, forKey: .transport)
    try container.encode(connection, forKey: .connection)
    try container.encode(state, forKey: .state)
    try container.encode(sessionID, forKey: .sessionID)
    try container.encode(channels, forKey: .channels)
    try container.encode(reason, forKey: .reason)
    try container.encode(retryInMS, forKey: .retryInMS)
    try container.encode(downMS, forKey: .downMS)
    try container.encode(possiblyMissed, forKey: .possiblyMissed)
  }
}

/// `data` of `sys.auth_refreshed`, `sys.auth_expired`, `sys.auth_revoked` and `sys.auth_invalid`: the
/// state of the gateway's Twitch token. Published on `sys.<name>._`. Never carries a token.
public struct AuthData: Sendable, Hashable, Codable {
  /// The account the token belongs to, when known.
  public var user: TwitchUser?
  /// The token's scopes, when known.
  public var scopes: [String]
  /// When the (new) token expires, ms since the Unix epoch.
  public var expiresAt: Int64?
  /// Twitch's or the daemon's explanation, for `sys.auth_invalid` and `sys.auth_revoked`.
  public var message: String?

  public init(
    user: TwitchUser? = nil, scopes: [String] = [], expiresAt: Int64? = nil, message: String? = nil
  ) {
    self.user = user
    self.scopes = scopes
    self.expiresAt = expiresAt
    self.message = message
  }

  enum CodingKeys: String, CodingKey {
    case user
    case scopes
    case expiresAt = "expires_at"
    case message
  }

  /// Writes every member, absent ones as `null`, so that each type has one fixed set of keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(user, forKey: .user)
    try container.encode(scopes, forKey: .scopes)
    try container.encode(expiresAt, forKey: .expiresAt)
    try container.encode(message, forKey: .message)
  }
}
