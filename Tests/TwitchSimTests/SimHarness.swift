import Foundation
import Logging
import TwitchSim
import TwitchSimCore
import WardenTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A twitch-sim running in-process on port 0, plus a small control-API client.
final class SimHarness: Sendable {
  let sim: TwitchSim
  let task: Task<Void, any Error>
  let urls: SimURLs

  static func start(_ configure: (inout TwitchSim.Options) -> Void = { _ in }) async throws -> SimHarness {
    var options = TwitchSim.Options()
    configure(&options)
    var logger = Logger(label: "test.twitch-sim")
    logger.logLevel = .warning
    let sim = TwitchSim(options: options, logger: logger)
    let task = Task { try await sim.run() }
    let urls = try await sim.ready()
    return SimHarness(sim: sim, task: task, urls: urls)
  }

  private init(sim: TwitchSim, task: Task<Void, any Error>, urls: SimURLs) {
    self.sim = sim
    self.task = task
    self.urls = urls
  }

  var world: SimWorld { sim.world }

  func stop() async {
    task.cancel()
    _ = try? await task.value
  }

  /// Calls the control API; returns the status and the decoded JSON object.
  @discardableResult
  func control(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> (Int, [String: Any]) {
    var request = URLRequest(url: URL(string: urls.control + path)!)
    request.httpMethod = method
    if let body {
      request.httpBody = try JSONSerialization.data(withJSONObject: body)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    return (status, object)
  }
}

/// Runs a Python script from Tests/TwitchSimTests/Python with arguments; returns exit code and output.
func runPython(_ script: String, _ arguments: [String], seconds: Double = 60) async throws -> (Int32?, String) {
  let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Python")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", directory.appendingPathComponent(script).path] + arguments
  let output = FileManager.default.temporaryDirectory.appendingPathComponent("py-\(UUID().uuidString).log")
  _ = FileManager.default.createFile(atPath: output.path, contents: nil)
  let handle = try FileHandle(forWritingTo: output)
  process.standardOutput = handle
  process.standardError = handle
  process.standardInput = FileHandle.nullDevice
  try process.run()
  _ = await eventually(seconds) { !process.isRunning }
  if process.isRunning { process.terminate() }
  try? handle.close()
  let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
  try? FileManager.default.removeItem(at: output)
  return (process.isRunning ? nil : process.terminationStatus, text)
}
