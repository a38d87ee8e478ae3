import WardenProtocol

/// wardend's configuration: defaults, overridden by the YAML file, overridden by the
/// environment and the command line.
public struct DaemonConfig: Sendable, Equatable {
  /// `data_dir`: where the database and tokens will live.
  public var dataDirectory: String?
  /// `log_level`: trace, debug, info, notice, warning, error or critical.
  public var logLevel: String = "info"
  /// `bus:` settings.
  public var bus = BusSettings()
  /// `channels:`: the channel logins the gateway watches from the start (lowercase, no `#`).
  public var channels: [String] = []
  /// `twitch:` settings.
  public var twitch = TwitchSettings()

  public init() {}

  public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
}

/// A configuration file that cannot be used, with the place and the reason.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `file:line:column` when known, else the file.
  public let location: String
  public let reason: String

  public init(location: String, reason: String) {
    self.location = location
    self.reason = reason
  }

  public var description: String { "\(location): \(reason)" }
}
