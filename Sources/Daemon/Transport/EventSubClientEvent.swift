/// What an `EventSubClient` reports, in order, on the client's reading path; the handler must
/// return quickly.
public enum EventSubClientEvent: Sendable, Hashable {
  /// A notification, passed on once even when Twitch sends it twice or on both sockets of a
  /// `session_reconnect`.
  case notification(EventSubNotification)
  /// The session changed phase.
  case connection(EventSubConnectionReport)
  /// Twitch revoked a subscription; `willRecreate` says whether a `.recreate` request follows.
  case revoked(subscriptionType: String, status: String, willRecreate: Bool)
}
