import Foundation
import WardenProtocol

#if canImport(Glibc)
  import Glibc
#endif

/// Finds the daemon serving a runtime directory, and says clearly when there is none, so no
/// client ever waits on a socket nobody listens to.
public enum DaemonLocator {
  /// Reads `daemon.json` and checks that its process lives and its sockets exist.
  public static func locate(_ paths: RuntimePaths) throws(ClientError) -> DaemonInfo {
    let hint = "start it with `wardend` (runtime directory \(paths.directory))"
    guard let data = FileManager.default.contents(atPath: paths.infoFile) else {
      throw ClientError(.notRunning, "wardend is not running: no \(paths.infoFile); \(hint)")
    }
    let info: DaemonInfo
    do {
      info = try WireCoding.decoder.decode(DaemonInfo.self, from: data)
    } catch {
      throw ClientError(.notRunning, "wardend is not running: \(paths.infoFile) is unreadable; \(hint)")
    }
    guard info.protocolVersion == WardenVersion.wireProtocol else {
      throw ClientError(
        .badReply, "wardend speaks protocol \(info.protocolVersion); this client speaks \(WardenVersion.wireProtocol)")
    }
    if kill(info.pid, 0) != 0 && errno == ESRCH {
      throw ClientError(.notRunning, "wardend is not running: pid \(info.pid) in \(paths.infoFile) is gone; \(hint)")
    }
    guard FileManager.default.fileExists(atPath: paths.commandsSocket) else {
      throw ClientError(.notRunning, "wardend is not running: no socket \(paths.commandsSocket); \(hint)")
    }
    return info
  }
}
