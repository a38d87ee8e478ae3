/// Where an IRC connection goes: IRC over WebSocket (`wss://`, `ws://`) or IRC over a socket
/// (`tls://`, `tcp://`), parsed from a URL-like string.
///
/// ```swift
/// let twitch = try IRCEndpoint(parsing: "wss://irc-ws.chat.twitch.tv:443")
/// let sim = try IRCEndpoint(parsing: "tcp://127.0.0.1:6667")
/// ```
public struct IRCEndpoint: Sendable, Hashable, CustomStringConvertible {
  /// How the lines travel.
  public enum Scheme: String, Sendable, Hashable, CaseIterable {
    /// WebSocket over TLS; each text frame carries one or more CRLF-ended lines.
    case wss
    /// WebSocket without TLS.
    case ws
    /// A TLS socket carrying CRLF-ended lines.
    case tls
    /// A plain TCP socket carrying CRLF-ended lines.
    case tcp

    /// The port used when the URL names none: 443, 80, 6697 and 6667.
    public var defaultPort: Int {
      switch self {
      case .wss: 443
      case .ws: 80
      case .tls: 6697
      case .tcp: 6667
      }
    }

    /// Whether the connection is encrypted.
    public var usesTLS: Bool { self == .wss || self == .tls }

    /// Whether lines travel in WebSocket frames.
    public var isWebSocket: Bool { self == .wss || self == .ws }
  }

  public var scheme: Scheme
  /// A host name or an IP address (IPv6 without brackets).
  public var host: String
  public var port: Int
  /// The request path of a WebSocket endpoint, with its query if any (`/` when none was given);
  /// empty for socket endpoints.
  public var path: String

  /// Twitch's IRC over WebSocket, `wss://irc-ws.chat.twitch.tv:443`.
  public static let twitchWebSocket = IRCEndpoint(scheme: .wss, host: "irc-ws.chat.twitch.tv", port: 443, path: "/")
  /// Twitch's IRC over TLS, `tls://irc.chat.twitch.tv:6697`.
  public static let twitchTLS = IRCEndpoint(scheme: .tls, host: "irc.chat.twitch.tv", port: 6697, path: "")

  public init(scheme: Scheme, host: String, port: Int, path: String = "") {
    self.scheme = scheme
    self.host = host
    self.port = port
    self.path = scheme.isWebSocket && path.isEmpty ? "/" : path
  }

  /// The endpoint as a URL; for WebSocket endpoints, the URL that `WSClient` connects to.
  public var url: String {
    let hostPart = host.contains(":") ? "[\(host)]" : host
    return "\(scheme.rawValue)://\(hostPart):\(port)\(scheme.isWebSocket ? path : "")"
  }

  public var description: String { url }

  /// Whether `host` is an IP address literal (TLS then sends no server name indication).
  var hostIsIPAddress: Bool {
    if host.contains(":") { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { part in !part.isEmpty && part.allSatisfy(\.isASCIIDigit) }
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
