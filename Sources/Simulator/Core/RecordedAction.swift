import Foundation
import WardenProtocol

/// An action that reached the simulator (a ban through Helix, a message sent, a setting
/// changed…), kept so tests can read back exactly what a client did.
public struct RecordedAction: Sendable, Hashable, Codable {
  /// Position in the log, from 1.
  public var seq: Int
  /// `ban`, `timeout`, `unban`, `delete_message`, `clear_chat`, `warn`, `chat_settings`,
  /// `send_message`, `shield_mode`, `add_blocked_term`, `remove_blocked_term`,
  /// `automod_approve`, `automod_deny`, `announcement`, `add_moderator`, `remove_moderator`,
  /// `add_vip`, `remove_vip`, `eventsub_subscribe`, `eventsub_unsubscribe`.
  public var kind: String
  /// `helix`, `irc` or `control`.
  public var via: String
  public var channelID: String?
  /// The user the token belongs to, when there is one.
  public var actorID: String?
  /// The client id of the token used.
  public var clientID: String?
  /// The request's parameters as received, e.g. `user_id`, `duration`, `reason`.
  public var params: [String: JSONValue]
  public var at: Date

  enum CodingKeys: String, CodingKey {
    case seq, kind, via, params, at
    case channelID = "channel_id"
    case actorID = "actor_id"
    case clientID = "client_id"
  }
}

/// Helix faults injected through the control API, consumed one request at a time.
public struct HelixFaults: Sendable, Hashable, Codable {
  /// The next this many Helix requests answer this status (500, 502, 503, 429…).
  public var failStatus: Int?
  public var failCount: Int = 0
  /// Milliseconds added to every Helix response while set.
  public var latencyMS: Int = 0

  public init() {}
}
