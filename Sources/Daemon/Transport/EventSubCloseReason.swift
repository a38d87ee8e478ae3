/// Readable meanings of the close codes Twitch's EventSub WebSocket server sends.
enum EventSubCloseReason {
  static func describe(_ code: Int) -> String {
    switch code {
    case 4000: "4000 internal server error"
    case 4001: "4001 client sent inbound traffic"
    case 4002: "4002 client failed ping-pong"
    case 4003: "4003 connection unused (no subscription created in time)"
    case 4004: "4004 reconnect grace time expired"
    case 4005: "4005 network timeout"
    case 4006: "4006 network error"
    case 4007: "4007 invalid reconnect URL"
    case 1000: "1000 normal closure"
    case 1001: "1001 going away"
    default: "\(code)"
    }
  }
}
