import Logging
import Synchronization

/// Keeps every log record, to check what a run logged.
final class LogRecords: Sendable {
  struct Record: Sendable {
    var level: Logger.Level
    var message: String
    var metadata: [String: String]
  }

  private let records = Mutex<[Record]>([])

  var all: [Record] { records.withLock { $0 } }

  func append(_ record: Record) { records.withLock { $0.append(record) } }

  /// A logger writing here, at `debug` and above.
  func logger() -> Logger {
    var logger = Logger(label: "test") { _ in CollectingLogHandler(records: self) }
    logger.logLevel = .debug
    return logger
  }
}

struct CollectingLogHandler: LogHandler {
  let records: LogRecords
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .debug

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    records.append(.init(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
  }
}
