/// A WebSocket close code with the reason text sent in the close frame. Twitch's own codes are
/// 4000–4007 (the EventSub "Close message" table); faults may ask for any other.
struct EventSubCloseCode: Sendable, Hashable, CustomStringConvertible {
  var code: UInt16
  var reason: String

  /// Indicates a problem with the server (similar to an HTTP 500 status code).
  static let internalServerError = Self(code: 4000, reason: "Internal server error")
  /// Sending outgoing messages to the server is prohibited with the exception of pong messages.
  static let clientSentInboundTraffic = Self(code: 4001, reason: "Client sent inbound traffic")
  /// You must respond to ping messages with a pong message.
  static let clientFailedPingPong = Self(code: 4002, reason: "Client failed ping-pong")
  /// When you connect to the server, you must create a subscription within the welcome's keepalive timeout.
  static let connectionUnused = Self(code: 4003, reason: "Connection unused")
  /// After `session_reconnect`, the client has a grace period to move to the new connection.
  static let reconnectGraceTimeExpired = Self(code: 4004, reason: "Reconnect grace time expired")
  /// Transient network timeout.
  static let networkTimeout = Self(code: 4005, reason: "Network timeout")
  /// Transient network error.
  static let networkError = Self(code: 4006, reason: "Network error")
  /// The reconnect URL is invalid (unknown, already used or expired).
  static let invalidReconnect = Self(code: 4007, reason: "Invalid reconnect")

  /// The close frame for a code a fault asks for. Codes that must never appear in a close frame
  /// (1005, 1006, 1015: "no frame at all") become 1001 "going away": the router API gives no
  /// way to cut the TCP connection without a frame.
  static func forFault(_ code: Int) -> Self {
    if let known = [
      internalServerError, clientSentInboundTraffic, clientFailedPingPong, connectionUnused,
      reconnectGraceTimeExpired, networkTimeout, networkError, invalidReconnect,
    ].first(where: { Int($0.code) == code }) {
      return known
    }
    switch code {
    case 1000: return Self(code: 1000, reason: "")
    case 1001...1003, 1007...1014, 3000...4999: return Self(code: UInt16(code), reason: "")
    default: return Self(code: 1001, reason: "")
    }
  }

  var description: String { "\(code) \(reason)" }
}
