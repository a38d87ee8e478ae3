import WardenProtocol

/// Why a client call failed.
public struct ClientError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// No daemon serves the runtime directory.
    case notRunning
    /// The daemon did not answer in time, after every retry.
    case timeout
    /// The daemon answered with `ok: false`.
    case rejected(ProtocolError)
    /// The daemon's answer could not be read.
    case badReply
    /// The client was closed, or its socket failed.
    case closed
  }

  public let kind: Kind
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  /// The protocol error when the daemon refused the request.
  public var protocolError: ProtocolError? {
    if case .rejected(let error) = kind { return error }
    return nil
  }
}
