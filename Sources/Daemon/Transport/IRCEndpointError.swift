/// Why a string is not an IRC endpoint. The description names the problem and the text.
public struct IRCEndpointError: Error, Hashable, CustomStringConvertible {
  private enum Code: Hashable {
    case empty
    case missingScheme(String)
    case unsupportedScheme(String, String)
    case missingHost(String)
    case invalidPort(String, String)
    case pathOnSocket(String, String)
    case userInfo(String)
    case fragment(String)
  }

  private let code: Code

  private init(_ code: Code) {
    self.code = code
  }

  static let empty = Self(.empty)
  static func missingScheme(_ text: String) -> Self { Self(.missingScheme(text)) }
  static func unsupportedScheme(_ scheme: String, in text: String) -> Self { Self(.unsupportedScheme(scheme, text)) }
  static func missingHost(_ text: String) -> Self { Self(.missingHost(text)) }
  static func invalidPort(_ port: String, in text: String) -> Self { Self(.invalidPort(port, text)) }
  static func pathOnSocket(_ path: String, in text: String) -> Self { Self(.pathOnSocket(path, text)) }
  static func userInfo(_ text: String) -> Self { Self(.userInfo(text)) }
  static func fragment(_ text: String) -> Self { Self(.fragment(text)) }

  public var description: String {
    let expected = "expected wss://host[:port][/path], ws://…, tls://host[:port] or tcp://host[:port]"
    switch code {
    case .empty:
      return "empty IRC endpoint; \(expected)"
    case .missingScheme(let text):
      return "IRC endpoint '\(text)' has no scheme; \(expected)"
    case .unsupportedScheme(let scheme, let text):
      return "IRC endpoint '\(text)': unsupported scheme '\(scheme)'; \(expected)"
    case .missingHost(let text):
      return "IRC endpoint '\(text)' has no host"
    case .invalidPort(let port, let text):
      return "IRC endpoint '\(text)': port '\(port)' is not a number from 1 to 65535"
    case .pathOnSocket(let path, let text):
      return "IRC endpoint '\(text)': a tls:// or tcp:// endpoint takes no path (found '\(path)')"
    case .userInfo(let text):
      return "IRC endpoint '\(text)': user info (user@) is not supported; credentials are configured separately"
    case .fragment(let text):
      return "IRC endpoint '\(text)': a fragment (#…) is not allowed"
    }
  }
}
