/// A Helix call that failed: the endpoint (method and path, never the query or a token), the
/// HTTP status and Twitch's own message, with a description a moderator understands:
/// "Twitch refused the ban (400): The user specified in the user_id field is already banned."
public struct HelixError: Error, Sendable, Hashable {
  /// The class of failure; compare with `==` (`error.kind == .forbidden`).
  public struct Kind: Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
      case badRequest, unauthorized, forbidden, notFound, conflict, rateLimited, server, network, noToken, decoding
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    /// 400 and other refusals of the request itself (413, 422 …).
    public static let badRequest = Kind(.badRequest)
    /// 401: the token was refused and could not be refreshed.
    public static let unauthorized = Kind(.unauthorized)
    /// 403, or 401 `Missing scope`: not a moderator, or the token lacks a scope.
    public static let forbidden = Kind(.forbidden)
    /// 404.
    public static let notFound = Kind(.notFound)
    /// 409.
    public static let conflict = Kind(.conflict)
    /// 429 more often than the retry policy allows.
    public static let rateLimited = Kind(.rateLimited)
    /// 5xx, after the retries.
    public static let server = Kind(.server)
    /// Twitch could not be reached, after the retries.
    public static let network = Kind(.network)
    /// No user token: not signed in, or the authorization was lost.
    public static let noToken = Kind(.noToken)
    /// The answer could not be read.
    public static let decoding = Kind(.decoding)

    /// "Twitch refused the ban (400): …", in a moderator's words.
    public var description: String { code.rawValue }

    /// The kind for an HTTP status and Twitch's message. A 401 for a missing scope, or for a
    /// `moderator_id`/`sender_id` that is not the token's user, is `.forbidden`: a refresh
    /// would not change it.
    static func forStatus(_ status: Int, message: String?) -> Kind {
      switch status {
      case 401 where message?.hasPrefix("Missing scope") == true: .forbidden
      case 401 where message?.contains("must match the user ID") == true: .forbidden
      case 401: .unauthorized
      case 403: .forbidden
      case 404: .notFound
      case 409: .conflict
      case 429: .rateLimited
      case 500...: .server
      default: .badRequest
      }
    }
  }

  /// The class of failure.
  public var kind: Kind
  /// The call that failed (method and path).
  public var endpoint: HelixEndpoint
  /// The HTTP status, when Twitch answered.
  public var status: Int?
  /// Twitch's `message`, or the local cause for network and decoding failures.
  public var message: String?

  /// An error; an empty message counts as none.
  public init(_ kind: Kind, endpoint: HelixEndpoint, status: Int? = nil, message: String? = nil) {
    self.kind = kind
    self.endpoint = endpoint
    self.status = status
    self.message = message?.isEmpty == true ? nil : message
  }

  /// Whether the same call may succeed later (rate limit, Twitch's failure, the network).
  public var isRetryable: Bool { kind == .rateLimited || kind == .server || kind == .network }
}

extension HelixError: CustomStringConvertible, CustomDebugStringConvertible {
  /// "Twitch refused the ban (400): …", in a moderator's words.
  public var description: String {
    let action = endpoint.action
    let code = status.map { " (\($0))" } ?? ""
    let detail = message.map { ": \($0)" } ?? ""
    switch kind {
    case .rateLimited: return "Twitch rate-limited \(action)\(code)\(detail)"
    case .server: return "Twitch failed \(action)\(code)\(detail)"
    case .network: return "Could not reach Twitch for \(action)\(detail)"
    case .noToken: return "Not signed in to Twitch: \(action) needs a user token; sign in with `warden login`"
    case .decoding: return "Twitch's answer to \(action) was not understood\(detail)"
    case .unauthorized: return "Twitch refused \(action)\(code)\(detail); sign in again with `warden login`"
    default: return "Twitch refused \(action)\(code)\(detail)"
    }
  }

  /// The description plus the endpoint.
  public var debugDescription: String { "\(description) [\(endpoint)]" }
}
