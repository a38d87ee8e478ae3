/// A refusal in Twitch's terms: the HTTP status, Twitch's `error` text for it and a message.
/// Helix answers it as `{"error":…,"status":…,"message":…}`; IRC maps it to a NOTICE.
public struct SimError: Error, Sendable, Hashable, CustomStringConvertible {
  public var status: Int
  public var message: String
  /// IRC NOTICE `msg-id` for the same refusal, when chat has one (`msg_banned`, …).
  public var noticeID: String?

  public init(status: Int, message: String, noticeID: String? = nil) {
    self.status = status
    self.message = message
    self.noticeID = noticeID
  }

  /// Twitch's `error` field: the HTTP reason phrase.
  public var error: String {
    switch status {
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 409: "Conflict"
    case 422: "Unprocessable Entity"
    case 425: "Too Early"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    default: "Error"
    }
  }

  public var description: String { "\(status) \(error): \(message)" }

  public static func badRequest(_ message: String, notice: String? = nil) -> SimError {
    SimError(status: 400, message: message, noticeID: notice)
  }
  public static func unauthorized(_ message: String) -> SimError { SimError(status: 401, message: message) }
  public static func forbidden(_ message: String) -> SimError { SimError(status: 403, message: message) }
  public static func notFound(_ message: String) -> SimError { SimError(status: 404, message: message) }
}
