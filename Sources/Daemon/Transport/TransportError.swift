/// A connection-level failure: what went wrong, readable in logs and connection reports.
public struct TransportError: Error, Hashable, CustomStringConvertible {
  private enum Code: Hashable {
    case lineTooLong(limit: Int)
    case messageTooLarge(limit: Int)
    case closeTimedOut
    case tls(String)
  }

  private let code: Code

  private init(_ code: Code) {
    self.code = code
  }

  /// The server sent more than `limit` bytes without a line ending.
  static func lineTooLong(limit: Int) -> Self { Self(.lineTooLong(limit: limit)) }
  /// A WebSocket message grew past `limit` bytes.
  static func messageTooLarge(limit: Int) -> Self { Self(.messageTooLarge(limit: limit)) }
  /// The server did not answer our WebSocket close in time.
  static let closeTimedOut = Self(.closeTimedOut)
  /// The TLS context could not be built.
  static func tls(_ detail: String) -> Self { Self(.tls(detail)) }

  public var description: String {
    switch code {
    case .lineTooLong(let limit): "the server sent a line longer than \(limit) bytes"
    case .messageTooLarge(let limit): "the server sent a WebSocket message larger than \(limit) bytes"
    case .closeTimedOut: "the server did not answer the WebSocket close in time"
    case .tls(let detail): "TLS setup failed: \(detail)"
    }
  }
}
