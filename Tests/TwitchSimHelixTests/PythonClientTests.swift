import Foundation
import Testing
import TwitchSimCore

/// `Tests/TwitchSimTests/Python/helix_client.py`, a stdlib-only client, against these routes.
@Suite struct PythonClientTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("TwitchSimTests/Python/helix_client.py")
  static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func pythonClientPasses() async throws {
    try await HelixHarness.run { sim in
      for index in 0..<130 {
        let user = try sim.world.createUser(login: "py\(index)")
        sim.world.setPresence(userID: user.id, in: sim.broadcaster.id, present: true)
      }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Self.python!)
      process.arguments = [
        Self.script.path, sim.helixURL, sim.oauthURL, sim.moderatorToken.clientID, sim.moderatorToken.accessToken,
        sim.broadcaster.id, sim.viewer.id, "130",
      ]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = output
      try process.run()
      // Read on a thread of its own so a full pipe cannot block the script.
      let text = await Task.detached {
        String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      }
      .value
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(text)")
      #expect(text.contains("ok chatters: 130 over 2 pages"))
      #expect(text.contains("ok banned \(sim.viewer.id)"))
      #expect(sim.world.actions(kind: "ban").first?.params["reason"] == "python interop")
    }
  }
}
