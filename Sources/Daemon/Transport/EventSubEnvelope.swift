#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The parts of an EventSub WebSocket message that drive the session: the metadata, the session
/// object of `session_welcome` and `session_reconnect`, and the subscription of notifications
/// and revocations. The event itself is left to the gateway.
struct EventSubEnvelope: Decodable, Sendable {
  struct Metadata: Decodable, Sendable {
    var messageID: String
    var messageType: String
    var messageTimestamp: String
    var subscriptionType: String?
    var subscriptionVersion: String?

    enum CodingKeys: String, CodingKey {
      case messageID = "message_id"
      case messageType = "message_type"
      case messageTimestamp = "message_timestamp"
      case subscriptionType = "subscription_type"
      case subscriptionVersion = "subscription_version"
    }
  }

  struct Session: Decodable, Sendable {
    var id: String
    var keepaliveTimeoutSeconds: Int?
    var reconnectURL: String?

    enum CodingKeys: String, CodingKey {
      case id
      case keepaliveTimeoutSeconds = "keepalive_timeout_seconds"
      case reconnectURL = "reconnect_url"
    }
  }

  struct Subscription: Decodable, Sendable {
    var type: String
    var version: String?
    var status: String?
  }

  struct Payload: Decodable, Sendable {
    var session: Session?
    var subscription: Subscription?
  }

  var metadata: Metadata
  var payload: Payload?

  static func decode(_ bytes: [UInt8]) throws -> EventSubEnvelope {
    try JSONDecoder().decode(EventSubEnvelope.self, from: Data(bytes))
  }
}
