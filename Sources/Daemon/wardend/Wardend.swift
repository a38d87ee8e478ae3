import ArgumentParser
import Foundation
import Logging
import WardenDaemon
import WardenProtocol
import WardenTwitch

#if canImport(Glibc)
  import Glibc
#endif

@main
struct Wardend: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wardend",
    abstract: "Warden's daemon: moderates Twitch chat and publishes every event over ZeroMQ.",
    version: WardenVersion.release)

  @Option(
    name: .long,
    help: "YAML configuration file (default: $WARDEN_CONFIG, else ~/.config/warden/config.yaml if present).")
  var config: String?

  @Option(
    name: .customLong("runtime-dir"),
    help:
      "Directory for the sockets and daemon.json (default: $WARDEN_RUNTIME_DIR, else $XDG_RUNTIME_DIR/warden, else /tmp/warden-$UID)."
  )
  var runtimeDirectory: String?

  @Option(
    name: .customLong("data-dir"),
    help:
      "Directory for the database and tokens (default: $WARDEN_DATA_DIR, else $XDG_DATA_HOME/warden, else ~/.local/share/warden)."
  )
  var dataDirectory: String?

  @Option(
    name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (overrides the file)."
  )
  var logLevel: String?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    var settings: DaemonConfig
    do {
      settings = try loadConfig(environment: environment)
      settings.twitch.applyEnvironment(environment)
    } catch {
      fail("wardend: configuration error: \(error)", code: 2)
    }
    if let logLevel {
      guard DaemonConfig.logLevels.contains(logLevel) else {
        fail("wardend: --log-level must be one of \(DaemonConfig.logLevels.joined(separator: ", "))", code: 2)
      }
      settings.logLevel = logLevel
    }
    let level = Logger.Level(rawValue: settings.logLevel) ?? .info
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let logger = Logger(label: "wardend")
    let options = DaemonOptions.resolve(
      config: settings, runtimeDirectory: runtimeDirectory, dataDirectory: dataDirectory, environment: environment,
      uid: geteuid(), handleSignals: true)

    let daemon: Daemon
    do {
      daemon = try await Daemon.start(options, logger: logger) { context in
        [try TwitchGateway.component(context)]
      }
    } catch let held as DaemonLock.Held {
      fail("wardend: \(held)", code: 1)
    } catch {
      fail("wardend: cannot start: \(error)", code: 1)
    }
    do {
      try await daemon.run()
    } catch {
      fail("wardend: stopped on an error: \(error)", code: 1)
    }
  }

  private func loadConfig(environment: [String: String]) throws -> DaemonConfig {
    if let path = config ?? environment["WARDEN_CONFIG"] {
      return try DaemonConfig.load(path: path)
    }
    let base = environment["XDG_CONFIG_HOME"] ?? "\(environment["HOME"] ?? "/root")/.config"
    let fallback = base + "/warden/config.yaml"
    return FileManager.default.fileExists(atPath: fallback) ? try DaemonConfig.load(path: fallback) : DaemonConfig()
  }

  private func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(code)
  }
}
