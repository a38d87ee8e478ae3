import Foundation
import Testing
import WardenTestSupport

/// A client nobody here wrote: Tests/TwitchSimTests/Python/eventsub_client.py (Python
/// `websockets`) against this surface alone.
@Suite struct PythonInteropTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("TwitchSimTests/Python/eventsub_client.py")

  @Test func pythonWebsocketsClient() async throws {
    // No Helix here to subscribe with, so the session gets a longer subscribe deadline than
    // Twitch's and the script sees a keepalive instead of 4003.
    try await EventSubHarness.with {
      $0.welcomeSubscribeDeadline = .seconds(120)
    } _: { harness in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", Self.script.path, harness.url]
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = pipe
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let ended = await eventually(90) { !process.isRunning }
      if !ended { process.terminate() }
      let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(ended && process.terminationStatus == 0, "eventsub_client.py:\n\(output)")
      #expect(output.contains("ok   silence brings a session_keepalive"), "\(output)")
      #expect(output.contains("ok   a text frame from the client closes the session with 4001"), "\(output)")
    }
  }
}
