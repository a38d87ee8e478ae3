import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Words for a transport failure that never include the request's URL (whose query may carry
/// ids) or anything from its headers.
enum NetworkFailure {
  static func describe(_ error: any Error) -> String {
    guard let error = error as? URLError else { return "\(type(of: error))" }
    let words: String
    switch error.code {
    case .timedOut: words = "the request timed out"
    case .cannotConnectToHost: words = "the connection was refused"
    case .cannotFindHost, .dnsLookupFailed: words = "the host name could not be resolved"
    case .notConnectedToInternet: words = "there is no network connection"
    case .networkConnectionLost: words = "the connection was lost"
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
      words = "the TLS connection failed"
    case .badServerResponse: words = "the server's answer was malformed"
    default: words = "network error"
    }
    return "\(words) (URLError \(error.code.rawValue))"
  }

  /// Whether the error is the task's cancellation rather than a network failure.
  static func isCancellation(_ error: any Error) -> Bool {
    if error is CancellationError { return true }
    if let error = error as? URLError, error.code == .cancelled { return true }
    return Task.isCancelled
  }
}
