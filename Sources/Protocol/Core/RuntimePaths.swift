/// Where a daemon's endpoints live. The daemon and every client resolve the same directory:
/// `--runtime-dir`, else `$WARDEN_RUNTIME_DIR`, else `$XDG_RUNTIME_DIR/warden`, else
/// `/tmp/warden-<uid>`.
public struct RuntimePaths: Sendable, Hashable {
  public let directory: String

  public init(directory: String) {
    var directory = directory
    while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
    self.directory = directory
  }

  /// Resolves the directory from an explicit choice, the environment and the user id.
  public static func resolve(explicit: String?, environment: [String: String], uid: UInt32) -> RuntimePaths {
    if let explicit, !explicit.isEmpty { return RuntimePaths(directory: explicit) }
    if let chosen = environment["WARDEN_RUNTIME_DIR"], !chosen.isEmpty { return RuntimePaths(directory: chosen) }
    if let xdg = environment["XDG_RUNTIME_DIR"], !xdg.isEmpty {
      let base = RuntimePaths(directory: xdg).directory
      return RuntimePaths(directory: (base == "/" ? "" : base) + "/warden")
    }
    return RuntimePaths(directory: "/tmp/warden-\(uid)")
  }

  public var eventsSocket: String { directory + "/events.v1" }
  public var commandsSocket: String { directory + "/cmd.v1" }
  public var infoFile: String { directory + "/daemon.json" }
  public var lockFile: String { directory + "/wardend.lock" }

  public var endpoints: DaemonEndpoints {
    DaemonEndpoints(events: "ipc://" + eventsSocket, commands: "ipc://" + commandsSocket)
  }
}
