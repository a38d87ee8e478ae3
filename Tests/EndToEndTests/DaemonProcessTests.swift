import Foundation
import Testing
import WardenTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The real wardend executable: signals, exit codes, refusals.
@Suite struct DaemonProcessTests {
  @Test(arguments: [SIGTERM, SIGINT])
  func stopsOnASignalWithExitZeroAndRemovesItsSockets(_ signal: Int32) async throws {
    let temp = TemporaryDirectory()
    let daemon = try await startDaemon(temp)
    let run = temp.sub("run")
    #expect(FileManager.default.fileExists(atPath: run + "/events.v1"))
    #expect(FileManager.default.fileExists(atPath: run + "/cmd.v1"))
    daemon.signal(signal)
    let code = await daemon.exitCode(within: 10)
    #expect(code == 0, "stderr: \(daemon.stderr)")
    for name in ["events.v1", "cmd.v1", "daemon.json"] {
      #expect(!FileManager.default.fileExists(atPath: run + "/" + name), "\(name) left behind")
    }
  }

  @Test func aSecondDaemonExitsNonZeroAndTheFirstKeepsServing() async throws {
    let temp = TemporaryDirectory()
    let first = try await startDaemon(temp)
    let second = try await runToEnd(
      "wardend", ["--runtime-dir", temp.sub("run"), "--data-dir", temp.sub("data")], in: temp.path)
    #expect(second.code == 1)
    #expect(second.stderr.contains("wardend (pid \(first.pid)) is already running"), "\(second.stderr)")
    let status = try await runToEnd("warden", ["status", "--runtime-dir", temp.sub("run")], in: temp.path)
    #expect(status.code == 0 && status.stdout.contains("pid \(first.pid)"), "\(status.stderr)")
    first.signal(SIGTERM)
    #expect(await first.exitCode() == 0)
  }

  @Test func aBrokenConfigFileIsAClearErrorWithExitTwo() async throws {
    let temp = TemporaryDirectory()
    let config = temp.sub("config.yaml")
    try "bus:\n  heartbeat_ms: often\n".write(toFile: config, atomically: true, encoding: .utf8)
    let result = try await runToEnd(
      "wardend", ["--config", config, "--runtime-dir", temp.sub("run"), "--data-dir", temp.sub("data")],
      in: temp.path)
    #expect(result.code == 2)
    #expect(result.stderr.contains("\(config):2:17: bus.heartbeat_ms must be a whole number"), "\(result.stderr)")
  }

  @Test func aRuntimeDirectoryOpenToOthersIsRefused() async throws {
    let temp = TemporaryDirectory()
    let run = temp.sub("run")
    mkdir(run, 0o777)
    chmod(run, 0o777)
    let result = try await runToEnd("wardend", ["--runtime-dir", run, "--data-dir", temp.sub("data")], in: temp.path)
    #expect(result.code == 1)
    #expect(result.stderr.contains("is open to other users"), "\(result.stderr)")
  }

  @Test func theConfigFileAndEnvironmentChooseTheDirectories() async throws {
    let temp = TemporaryDirectory()
    let config = temp.sub("config.yaml")
    try "data_dir: \(temp.sub("filedata"))\nbus:\n  heartbeat_ms: 200\n".write(
      toFile: config, atomically: true, encoding: .utf8)
    let daemon = try ChildProcess(
      "wardend", ["--config", config], in: temp.path, environment: ["WARDEN_RUNTIME_DIR": temp.sub("envrun")])
    #expect(await eventually { FileManager.default.fileExists(atPath: temp.sub("envrun/daemon.json")) })
    let status = try await runToEnd("warden", ["status", "--json", "--runtime-dir", temp.sub("envrun")], in: temp.path)
    #expect(status.stdout.contains("\"data_dir\":\"\(temp.sub("filedata"))\""), "\(status.stdout) \(status.stderr)")
    daemon.signal(SIGTERM)
    #expect(await daemon.exitCode() == 0)
  }
}
