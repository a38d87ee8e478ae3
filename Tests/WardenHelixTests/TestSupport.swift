import Foundation
import Logging
import Synchronization
import WardenGateway
import WardenHelix

extension HelixRetryPolicy {
  /// Real backoff, but in milliseconds.
  static var quick: HelixRetryPolicy {
    HelixRetryPolicy(maxRetries: 3, maxRateLimitRetries: 5, base: .milliseconds(10), cap: .milliseconds(50))
  }
}

/// Collects `AuthChange`s reported by a token manager.
final class ChangeLog: Sendable {
  private let changes = Mutex<[AuthChange]>([])

  var handler: @Sendable (AuthChange) -> Void {
    { change in self.changes.withLock { $0.append(change) } }
  }

  var all: [AuthChange] { changes.withLock { $0 } }

  /// The changes' names: `refreshed`, `revoked` …
  var names: [String] {
    all.map { change in
      switch change {
      case .loggedIn: "loggedIn"
      case .refreshed: "refreshed"
      case .expired: "expired"
      case .revoked: "revoked"
      case .invalid: "invalid"
      case .loggedOut: "loggedOut"
      }
    }
  }
}

/// A log handler that keeps every message with its metadata, rendered as text.
final class LogCapture: Sendable {
  private let lines = Mutex<[String]>([])

  var logger: Logger {
    var logger = Logger(label: "test.capture") { _ in Handler(capture: self) }
    logger.logLevel = .trace
    return logger
  }

  var text: String { lines.withLock { $0.joined(separator: "\n") } }

  fileprivate func append(_ line: String) {
    lines.withLock { $0.append(line) }
  }

  private struct Handler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let merged = metadata.merging(event.metadata ?? [:]) { $1 }
      let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      capture.append("\(event.level) \(event.message) \(rendered) \(event.source)")
    }
  }
}
