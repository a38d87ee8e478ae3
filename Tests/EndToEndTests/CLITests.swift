import Foundation
import Testing
import WardenTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The warden executable against the real wardend.
@Suite struct CLITests {
  @Test func everyCommandSaysClearlyThatNoDaemonRuns() async throws {
    let temp = TemporaryDirectory()
    for arguments in [["status"], ["send", "ping"], ["tail"]] {
      let result = try await runToEnd("warden", arguments + ["--runtime-dir", temp.sub("none")], in: temp.path)
      #expect(result.code == 3, "\(arguments)")
      #expect(result.stderr.contains("wardend is not running"), "\(arguments): \(result.stderr)")
    }
  }

  @Test func theEnvironmentChoosesTheRuntimeDirectoryToo() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await startDaemon(temp)
    let child = try ChildProcess(
      "warden", ["send", "ping"], in: temp.path, environment: ["WARDEN_RUNTIME_DIR": temp.sub("run")])
    #expect(await child.exitCode() == 0)
    #expect(child.stdout.contains("\"pong\":true"), "\(child.stderr)")
    daemon.signal(SIGTERM)
    #expect(await daemon.exitCode() == 0)
  }

  @Test func statusAndSend() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await startDaemon(temp)
    let run = ["--runtime-dir", temp.sub("run")]
    let status = try await runToEnd("warden", ["status"] + run, in: temp.path)
    #expect(status.code == 0)
    #expect(status.stdout.contains("wardend 0.1.0 running, pid \(daemon.pid)"), "\(status.stdout)")
    #expect(status.stdout.contains("commands_served"))

    let json = try await runToEnd("warden", ["status", "--json"] + run, in: temp.path)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(parsed?["pid"] as? Int == Int(daemon.pid))

    let since = try await runToEnd(
      "warden", ["send", "events.since", #"{"stream":"mod","after":0}"#] + run, in: temp.path)
    #expect(since.code == 0 && since.stdout.contains("\"complete\":true"), "\(since.stderr)")

    let unknown = try await runToEnd("warden", ["send", "mod.nuke"] + run, in: temp.path)
    #expect(unknown.code == 1 && unknown.stderr.contains("unknown_command"), "\(unknown.stderr)")

    let whole = try await runToEnd("warden", ["send", "--reply", "mod.nuke"] + run, in: temp.path)
    #expect(whole.code == 1 && whole.stdout.contains("\"ok\":false"))

    let badArgs = try await runToEnd("warden", ["send", "ping", "{oops"] + run, in: temp.path)
    #expect(badArgs.code == 64 && badArgs.stderr.contains("not valid JSON"), "\(badArgs.code as Any) \(badArgs.stderr)")
    daemon.signal(SIGTERM)
    #expect(await daemon.exitCode() == 0)
  }

  @Test func tailPrintsJSONLinesAndReadableLines() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await startDaemon(temp)
    let run = ["--runtime-dir", temp.sub("run")]
    let json = try await runToEnd("warden", ["tail", "--json", "--count", "2", "sys.heartbeat."] + run, in: temp.path)
    #expect(json.code == 0)
    let lines = json.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(["sys.welcome", "sys.heartbeat"].contains(object?["type"] as? String ?? ""))
    }
    let text = try await runToEnd("warden", ["tail", "--count", "1", "sys."] + run, in: temp.path)
    #expect(text.code == 0 && text.stdout.contains("sys.welcome") && text.stdout.contains("subscribed to 'sys.'"))
    daemon.signal(SIGTERM)
    #expect(await daemon.exitCode() == 0)
  }

  @Test func tailReportsALostDaemonAndItsRestart() async throws {
    let temp = TemporaryDirectory()
    let config = temp.sub("config.yaml")
    try "bus:\n  heartbeat_ms: 200\n".write(toFile: config, atomically: true, encoding: .utf8)
    let first = try await startDaemon(temp, extra: ["--config", config])
    let tail = try ChildProcess("warden", ["tail", "--runtime-dir", temp.sub("run")], in: temp.path)
    #expect(await eventually { tail.stderr.isEmpty && tail.process.isRunning })
    try await Task.sleep(for: .milliseconds(500))
    first.signal(SIGKILL)
    #expect(await eventually(15) { tail.stderr.contains("no word from wardend") }, "\(tail.stderr)")
    unlink(temp.sub("run/daemon.json"))
    let second = try await startDaemon(temp, extra: ["--config", config])
    #expect(await eventually(15) { tail.stderr.contains("wardend restarted") }, "\(tail.stderr)")
    #expect(tail.stderr.contains("wardend is back"))
    tail.signal(SIGTERM)
    second.signal(SIGTERM)
    #expect(await second.exitCode() == 0)
  }
}
