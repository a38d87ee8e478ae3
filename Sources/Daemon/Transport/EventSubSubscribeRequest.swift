/// What the gateway must create through Helix (`POST /eventsub/subscriptions`, transport
/// `websocket` with this session id).
public enum EventSubSubscribeRequest: Sendable, Hashable {
  /// A new session was welcomed: create every subscription. Not sent after a
  /// `session_reconnect`, which keeps the session and its subscriptions.
  case all(sessionID: String)
  /// A subscription was revoked with a status that allows recreating it.
  case recreate(sessionID: String, subscriptionType: String)
}
