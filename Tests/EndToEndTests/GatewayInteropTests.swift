import Foundation
import Testing
import WardenTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The real wardend against the real twitch-sim, driven by Python (pyzmq and urllib) and the
/// real `warden` CLI: chat and moderation from the simulator reach a pyzmq subscriber as the
/// right events; commands reach the simulator's action log.
@Suite struct GatewayInteropTests {
  static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let script = here.appendingPathComponent("Interop/gateway_e2e.py").path
  static let scenario = here.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/Simulator/Scenarios/minimal.yaml").path

  @Test func aPythonClientSeesTwitchThroughWardend() async throws {
    let probe = try await runToEnd("/usr/bin/env", ["python3", "-c", "import zmq"], in: "/tmp")
    try #require(probe.code == 0, "Python 3 with pyzmq is required: run `make setup` (\(probe.stderr))")
    let temp = TemporaryDirectory()
    let ready = temp.sub("sim.json")
    let sim = try ChildProcess(
      "twitch-sim", ["--listen", "127.0.0.1:0", "--scenario", Self.scenario, "--ready-file", ready], in: temp.path)
    defer { sim.signal(SIGTERM) }
    try #require(
      await eventually(20) { FileManager.default.fileExists(atPath: ready) }, "twitch-sim did not start: \(sim.stderr)")
    let urls = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: URL(fileURLWithPath: ready)))
    let config = """
      channels: [sim_streamer]
      log_level: info
      twitch:
        client_id: warden-test
        irc_url: \(urls["irc_ws"] ?? "")
        eventsub_url: \(urls["eventsub"] ?? "")
        helix_url: \(urls["helix"] ?? "")
        oauth_url: \(urls["oauth"] ?? "")
      """
    try config.write(toFile: temp.sub("config.yaml"), atomically: true, encoding: .utf8)
    let daemon = try await startDaemon(temp, extra: ["--config", temp.sub("config.yaml")])
    let client = try await runToEnd(
      "/usr/bin/env",
      [
        "python3", Self.script, urls["control"] ?? "", urls["helix"] ?? "", temp.sub("run"),
        productsDirectory.appendingPathComponent("warden").path,
      ], in: temp.path, seconds: 120)
    #expect(client.code == 0, "gateway_e2e.py:\n\(client.stdout)\(client.stderr)\nwardend:\n\(daemon.stderr)")
    #expect(client.stdout.contains("gateway interop: all checks passed"))
    daemon.signal(SIGTERM)
    #expect(await daemon.exitCode() == 0)
    // Nothing secret in the daemon's log.
    let listTokens = """
      import json, sys, urllib.request
      tokens = json.load(urllib.request.urlopen(sys.argv[1] + "/tokens?valid=false"))["tokens"]
      print("\\n".join(t["access_token"] for t in tokens))
      """
    let tokens = try await runToEnd(
      "/usr/bin/env", ["python3", "-c", listTokens, urls["control"] ?? ""], in: temp.path)
    #expect(tokens.code == 0)
    for token in tokens.stdout.split(separator: "\n") where !token.isEmpty {
      #expect(!daemon.stderr.contains(token), "a token appears in wardend's log")
    }
  }
}
