extension IRCEndpoint {
  /// Parses `wss://host[:port][/path]`, `ws://…`, `tls://host[:port]` or `tcp://host[:port]`.
  /// IPv6 hosts go in brackets (`tcp://[::1]:6667`). A missing port is the scheme's default.
  ///
  /// - Throws: `IRCEndpointError` naming what is wrong: an unknown scheme, a missing host, a
  ///   port that is not a number in 1...65535, a path on a socket endpoint, user info or a fragment.
  public init(parsing text: String) throws(IRCEndpointError) {
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty else { throw .empty }
    guard let separator = trimmed.firstRange(of: "://") else { throw .missingScheme(trimmed) }
    let schemeText = trimmed[..<separator.lowerBound].lowercased()
    guard let scheme = Scheme(rawValue: schemeText) else { throw .unsupportedScheme(schemeText, in: trimmed) }
    let rest = trimmed[separator.upperBound...]
    if rest.contains("#") { throw .fragment(trimmed) }

    let pathStart = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
    let authority = rest[..<pathStart]
    var path = String(rest[pathStart...])
    if authority.contains("@") { throw .userInfo(trimmed) }

    let (host, portText) = try Self.split(authority: authority, in: trimmed)
    guard !host.isEmpty else { throw .missingHost(trimmed) }
    var port = scheme.defaultPort
    if let portText {
      guard let number = Int(portText), (1...65_535).contains(number) else {
        throw .invalidPort(String(portText), in: trimmed)
      }
      port = number
    }
    if scheme.isWebSocket {
      if path.hasPrefix("?") { path = "/" + path }
    } else if !path.isEmpty && path != "/" {
      throw .pathOnSocket(path, in: trimmed)
    } else {
      path = ""
    }
    self.init(scheme: scheme, host: host.lowercased(), port: port, path: path)
  }

  /// `host`, `host:port`, `[v6]` or `[v6]:port`.
  private static func split(
    authority: Substring, in text: String
  ) throws(IRCEndpointError) -> (host: String, port: Substring?) {
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { throw .missingHost(text) }
      let host = String(authority[authority.index(after: authority.startIndex)..<close])
      let after = authority[authority.index(after: close)...]
      if after.isEmpty { return (host, nil) }
      guard after.hasPrefix(":") else { throw .invalidPort(String(after), in: text) }
      return (host, after.dropFirst())
    }
    let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return (String(parts[0]), nil)
    case 2: return (String(parts[0]), parts[1])
    default: throw .invalidPort(String(authority), in: text)
    }
  }
}

extension String {
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
