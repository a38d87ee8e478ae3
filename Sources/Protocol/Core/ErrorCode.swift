/// The machine-readable `code` of an error reply. Clients must treat codes they do not know as
/// plain failures; new codes may appear in later minor versions.
public struct ErrorCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension ErrorCode {
  /// The message after the routing envelope was not exactly one frame.
  public static let badFrames = ErrorCode(rawValue: "bad_frames")
  /// The request frame is larger than the daemon accepts.
  public static let tooLarge = ErrorCode(rawValue: "too_large")
  /// The request frame is not valid UTF-8.
  public static let invalidUTF8 = ErrorCode(rawValue: "invalid_utf8")
  /// The request frame is not JSON.
  public static let invalidJSON = ErrorCode(rawValue: "invalid_json")
  /// The request is JSON but not an object.
  public static let invalidRequest = ErrorCode(rawValue: "invalid_request")
  /// A required request field (`v`, `id`, `cmd`) is absent.
  public static let missingField = ErrorCode(rawValue: "missing_field")
  /// A request field has the wrong type or an impossible value.
  public static let invalidField = ErrorCode(rawValue: "invalid_field")
  /// `v` names a protocol version the daemon does not speak.
  public static let unsupportedVersion = ErrorCode(rawValue: "unsupported_version")
  /// `cmd` names no command.
  public static let unknownCommand = ErrorCode(rawValue: "unknown_command")
  /// `args` do not fit the command.
  public static let invalidArgs = ErrorCode(rawValue: "invalid_args")
  /// The request named an epoch that is not the daemon's current one.
  public static let epochMismatch = ErrorCode(rawValue: "epoch_mismatch")
  /// The daemon cannot answer this now (for example while shutting down); retry later.
  public static let unavailable = ErrorCode(rawValue: "unavailable")
  /// The command needs a Twitch login the daemon does not have (`warden login`).
  public static let unauthenticated = ErrorCode(rawValue: "unauthenticated")
  /// Twitch says the account may not do this: not a moderator there, or a scope is missing.
  public static let forbidden = ErrorCode(rawValue: "forbidden")
  /// The user, channel or message named does not exist (or no longer does).
  public static let notFound = ErrorCode(rawValue: "not_found")
  /// Twitch refused the request; the message carries Twitch's words.
  public static let twitchError = ErrorCode(rawValue: "twitch_error")
  /// Twitch could not be reached, or kept failing or rate-limiting; retry later.
  public static let twitchUnavailable = ErrorCode(rawValue: "twitch_unavailable")
  /// A failure inside the daemon; the message says what.
  public static let `internal` = ErrorCode(rawValue: "internal")
}

/// The `error` object of a failed reply.
public struct ProtocolError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  public var code: ErrorCode
  /// Human-readable: says what was wrong and where.
  public var message: String
  /// Whether the same request may succeed if sent again later.
  public var retryable: Bool

  public init(_ code: ErrorCode, _ message: String, retryable: Bool = false) {
    self.code = code
    self.message = message
    self.retryable = retryable
  }

  public var description: String { "\(code): \(message)" }
}
