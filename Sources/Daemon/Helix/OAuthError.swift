/// Why an OAuth call failed, in words a streamer can act on. Never carries a token, secret
/// or device code: `message` is Twitch's own text or the cause of a local failure.
public struct OAuthError: Error, Sendable, Hashable {
  /// The class of failure; compare with `==` (`error.kind == .invalidToken`).
  public struct Kind: Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
      case invalidToken, invalidGrant, invalidClient, missingClientSecret, accessDenied, deviceCodeExpired
      case rejected, server, network, decoding, listener
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    /// `validate` answered 401: the access token is expired, revoked or unknown.
    public static let invalidToken = Kind(.invalidToken)
    /// The refresh token (or authorization code) was refused: it is spent, revoked or unknown.
    public static let invalidGrant = Kind(.invalidGrant)
    /// Twitch does not know the client id, or the secret does not match it.
    public static let invalidClient = Kind(.invalidClient)
    /// The grant needs a client secret and none is configured.
    public static let missingClientSecret = Kind(.missingClientSecret)
    /// The user declined the authorization.
    public static let accessDenied = Kind(.accessDenied)
    /// The device code lapsed before the user approved it.
    public static let deviceCodeExpired = Kind(.deviceCodeExpired)
    /// Any other refusal (4xx).
    public static let rejected = Kind(.rejected)
    /// Twitch failed (5xx).
    public static let server = Kind(.server)
    /// Twitch could not be reached.
    public static let network = Kind(.network)
    /// Twitch's answer could not be read.
    public static let decoding = Kind(.decoding)
    /// The local redirect listener failed (socket errors).
    public static let listener = Kind(.listener)

    /// What failed, in words a streamer can act on.
    public var description: String { code.rawValue }
  }

  /// The class of failure.
  public var kind: Kind
  /// What was being done, e.g. `refresh the token`.
  public var operation: String
  /// The HTTP status, when Twitch answered.
  public var status: Int?
  /// Twitch's message, or the local cause.
  public var message: String?

  /// An error; an empty message counts as none.
  public init(_ kind: Kind, operation: String, status: Int? = nil, message: String? = nil) {
    self.kind = kind
    self.operation = operation
    self.status = status
    self.message = message?.isEmpty == true ? nil : message
  }

  /// Whether trying again later may succeed (Twitch failed or could not be reached).
  public var isRetryable: Bool { kind == .server || kind == .network }
}

extension OAuthError: CustomStringConvertible {
  /// What failed, in words a streamer can act on.
  public var description: String {
    let code = status.map { " (\($0))" } ?? ""
    let detail = message.map { ": \($0)" } ?? ""
    switch kind {
    case .invalidToken:
      return "Twitch rejected the access token\(code)\(detail); it expired or was revoked"
    case .invalidGrant:
      return "Twitch refused to \(operation)\(code)\(detail); sign in again with `warden login`"
    case .invalidClient:
      return "Twitch refused to \(operation)\(code)\(detail); check twitch.client_id and twitch.client_secret"
    case .missingClientSecret:
      return "Cannot \(operation) without a client secret (twitch.client_secret); the device code flow needs none"
    case .accessDenied:
      return "The Twitch authorization was declined\(detail)"
    case .deviceCodeExpired:
      return "The device code expired before the sign-in was approved; start `warden login` again"
    case .server:
      return "Twitch failed to \(operation)\(code)\(detail)"
    case .network:
      return "Could not reach Twitch to \(operation)\(detail)"
    case .decoding:
      return "Twitch's answer when trying to \(operation) was not understood\(detail)"
    case .listener:
      return "The local sign-in listener could not \(operation)\(detail)"
    default:
      return "Twitch refused to \(operation)\(code)\(detail)"
    }
  }
}
