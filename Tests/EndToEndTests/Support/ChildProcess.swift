import Foundation
import WardenTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The directory holding the built executables: the one this test binary was built into.
let productsDirectory: URL = {
  let executable =
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
  // The test bundle may be a directory (…/WardenPackageTests.xctest/…) on some platforms.
  while directory.path != "/"
    && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("wardend").path)
  {
    directory.deleteLastPathComponent()
  }
  return directory
}()

/// A program run as a child process, its output captured in files (so a chatty child never
/// blocks on a full pipe) and read back at any time.
final class ChildProcess: @unchecked Sendable {
  let process = Process()
  let stdoutPath: String
  let stderrPath: String

  init(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
    let name = URL(fileURLWithPath: executable).lastPathComponent + "-\(UUID().uuidString.prefix(8))"
    stdoutPath = directory + "/\(name).out"
    stderrPath = directory + "/\(name).err"
    _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
    process.executableURL =
      executable.hasPrefix("/")
      ? URL(fileURLWithPath: executable) : productsDirectory.appendingPathComponent(executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
    process.standardError = FileHandle(forWritingAtPath: stderrPath)
    try process.run()
  }

  var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
  var pid: Int32 { process.processIdentifier }

  func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  /// Waits for the exit without blocking a thread; `nil` if still running after `seconds`.
  func exitCode(within seconds: Double = 10) async -> Int32? {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
    while process.isRunning && ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(10))
    }
    guard !process.isRunning else { return nil }
    return process.terminationStatus
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }
}

/// Runs a program to its end and returns its exit code and output.
func runToEnd(_ executable: String, _ arguments: [String], in directory: String, seconds: Double = 20) async throws
  -> (code: Int32?, stdout: String, stderr: String)
{
  let child = try ChildProcess(executable, arguments, in: directory)
  let code = await child.exitCode(within: seconds)
  return (code, child.stdout, child.stderr)
}

/// Starts wardend on private directories and waits until it serves.
func startDaemon(_ temp: borrowing TemporaryDirectory, runtime: String = "run", extra: [String] = []) async throws
  -> ChildProcess
{
  let daemon = try ChildProcess(
    "wardend", ["--runtime-dir", temp.sub(runtime), "--data-dir", temp.sub("data")] + extra, in: temp.path)
  let info = temp.sub(runtime) + "/daemon.json"
  guard await eventually(10, { FileManager.default.fileExists(atPath: info) }) else {
    throw DaemonDidNotStart(stderr: daemon.stderr)
  }
  return daemon
}

struct DaemonDidNotStart: Error, CustomStringConvertible {
  let stderr: String
  var description: String { "wardend did not start: \(stderr)" }
}
