/// Who logs in to Twitch IRC. A `nil` token logs in anonymously as `justinfan` plus random
/// digits (read-only: Twitch accepts any PASS and drops what such a user sends).
///
/// The token is never part of `description` or any log line.
public struct IRCCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The login (lowercased). For anonymous credentials, the `justinfan…` nick used.
  public var nick: String
  /// The OAuth access token without the `oauth:` prefix, or `nil` for anonymous.
  public var token: String?

  /// - Parameters:
  ///   - nick: the login the token belongs to; ignored for anonymous credentials unless it is
  ///     already a `justinfan<digits>` nick.
  ///   - token: the access token, with or without `oauth:`; `nil` (or empty) for anonymous.
  public init(nick: String, token: String?) {
    let token = token.map { $0.hasPrefix("oauth:") ? String($0.dropFirst(6)) : $0 }
    if let token, !token.isEmpty {
      self.nick = nick.lowercased()
      self.token = token
    } else {
      let lowered = nick.lowercased()
      self.nick = Self.isAnonymousNick(lowered) ? lowered : Self.anonymousNick()
      self.token = nil
    }
  }

  /// Anonymous, read-only credentials with a fresh `justinfan` nick.
  public static func anonymous() -> IRCCredentials {
    IRCCredentials(nick: anonymousNick(), token: nil)
  }

  public var isAnonymous: Bool { token == nil }

  public var description: String {
    isAnonymous ? "IRCCredentials(anonymous \(nick))" : "IRCCredentials(nick: \(nick), token: <redacted>)"
  }

  public var debugDescription: String { description }

  /// What PASS carries: the token, or a placeholder for anonymous logins (any value is accepted).
  var password: String { token ?? "anonymous" }

  static func anonymousNick() -> String {
    "justinfan" + String(Int.random(in: 10_000...99_999_999))
  }

  static func isAnonymousNick(_ nick: String) -> Bool {
    nick.hasPrefix("justinfan") && nick.count > 9 && nick.dropFirst(9).allSatisfy(\.isASCIIDigit)
  }
}
