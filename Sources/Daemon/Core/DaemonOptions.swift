import WardenProtocol

/// Everything wardend needs to start, resolved from flags, environment, file and defaults
/// (in that order of precedence).
public struct DaemonOptions: Sendable {
  public var config: DaemonConfig
  public var paths: RuntimePaths
  public var dataDirectory: String
  /// Stop on SIGTERM and SIGINT (the executable does; in-process tests do not).
  public var handleSignals: Bool

  public init(config: DaemonConfig, paths: RuntimePaths, dataDirectory: String, handleSignals: Bool) {
    self.config = config
    self.paths = paths
    self.dataDirectory = dataDirectory
    self.handleSignals = handleSignals
  }

  /// Resolves the directories. Runtime: `--runtime-dir`, else `WARDEN_RUNTIME_DIR`, else
  /// `$XDG_RUNTIME_DIR/warden`, else `/tmp/warden-<uid>`, exactly as clients do. Data:
  /// `--data-dir`, else `WARDEN_DATA_DIR`, else the file's `data_dir`, else
  /// `$XDG_DATA_HOME/warden`, else `~/.local/share/warden`.
  public static func resolve(
    config: DaemonConfig, runtimeDirectory: String?, dataDirectory: String?, environment: [String: String],
    uid: UInt32, handleSignals: Bool
  ) -> DaemonOptions {
    let paths = RuntimePaths.resolve(explicit: runtimeDirectory, environment: environment, uid: uid)
    let data =
      dataDirectory ?? nonEmpty(environment["WARDEN_DATA_DIR"]) ?? config.dataDirectory
      ?? nonEmpty(environment["XDG_DATA_HOME"]).map { $0 + "/warden" }
      ?? "\(environment["HOME"] ?? "/root")/.local/share/warden"
    return DaemonOptions(
      config: config, paths: paths, dataDirectory: expandTilde(data), handleSignals: handleSignals)

    func nonEmpty(_ value: String?) -> String? { value?.isEmpty == false ? value : nil }
    func expandTilde(_ path: String) -> String {
      guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
      return home + path.dropFirst()
    }
  }
}
