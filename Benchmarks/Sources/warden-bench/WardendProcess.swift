import Foundation
import WardenProtocol

#if canImport(Glibc)
  import Glibc
#endif

/// A real `wardend` started for a benchmark, in a temporary root of its own: runtime directory
/// `<root>/run`, data directory `<root>/data`, no user configuration, log in `<root>/wardend.log`.
final class WardendProcess {
  let process: Process
  let paths: RuntimePaths
  let logPath: String
  /// Just before the process was spawned.
  let spawnedAt: ContinuousClock.Instant

  /// How the process ended after `terminate`.
  struct Exit {
    var status: Int32
    var bySignal: Bool
    /// From SIGTERM until the process was gone.
    var elapsed: Duration

    var isCleanExit: Bool { !bySignal && status == 0 }
    var description: String { bySignal ? "killed by signal \(status)" : "exit \(status)" }
  }

  init(binary: String, root: TemporaryDirectory) throws {
    paths = RuntimePaths(directory: root.appending("run"))
    logPath = root.appending("wardend.log")
    _ = FileManager.default.createFile(atPath: logPath, contents: nil)
    guard let log = FileHandle(forWritingAtPath: logPath) else { throw BenchError("cannot write \(logPath)") }
    var environment = ProcessInfo.processInfo.environment
    for name in ["WARDEN_CONFIG", "WARDEN_RUNTIME_DIR", "WARDEN_DATA_DIR"] { environment[name] = nil }
    // No ~/.config/warden/config.yaml of the user's: defaults only.
    environment["XDG_CONFIG_HOME"] = root.appending("config")
    process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [
      "--runtime-dir", paths.directory, "--data-dir", root.appending("data"), "--log-level", "warning",
    ]
    process.environment = environment
    process.standardOutput = log
    process.standardError = log
    spawnedAt = ContinuousClock.now
    try process.run()
  }

  var pid: Int32 { process.processIdentifier }

  /// Polls until `path` exists; the moment it was seen, or `nil` on timeout or if wardend died.
  func waitForFile(_ path: String, timeout: Duration) -> ContinuousClock.Instant? {
    let deadline = spawnedAt + timeout
    while ContinuousClock.now < deadline {
      if access(path, F_OK) == 0 { return ContinuousClock.now }
      if !process.isRunning { return nil }
      usleep(100)
    }
    return nil
  }

  /// `VmRSS` of the process in KiB.
  func residentKiB() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      // `VmRSS:\t   12345 kB`
      return Int(line.dropFirst("VmRSS:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
    return nil
  }

  /// Sends SIGTERM and waits for the process to end (SIGKILL after `timeout`).
  func terminate(timeout: Duration = .seconds(10)) -> Exit {
    let start = ContinuousClock.now
    kill(pid, SIGTERM)
    while process.isRunning && ContinuousClock.now - start < timeout { usleep(200) }
    let elapsed = ContinuousClock.now - start
    if process.isRunning { kill(pid, SIGKILL) }
    process.waitUntilExit()
    return Exit(
      status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal, elapsed: elapsed)
  }

  /// Ends the process without ceremony, after a failed benchmark.
  func killNow() {
    if process.isRunning {
      kill(pid, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// The end of wardend's log, for error messages.
  func logTail(lines: Int = 20) -> String {
    let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
  }
}
