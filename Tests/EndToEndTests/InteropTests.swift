import Foundation
import Testing
import WardenTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A foreign client, Python's pyzmq (a plain SUB and a plain REQ), against the real wardend.
@Suite struct InteropTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Interop/pyzmq_client.py").path

  @Test func pyzmqSubscriberAndRequesterTalkToWardend() async throws {
    let probe = try await runToEnd("/usr/bin/env", ["python3", "-c", "import zmq"], in: "/tmp")
    try #require(probe.code == 0, "Python 3 with pyzmq is required: run `make setup` (\(probe.stderr))")
    let temp = TemporaryDirectory()
    let daemon = try await startDaemon(temp)
    let client = try await runToEnd(
      "/usr/bin/env", ["python3", Self.script, temp.sub("run")], in: temp.path, seconds: 60)
    #expect(client.code == 0, "pyzmq client:\n\(client.stdout)\(client.stderr)")
    #expect(client.stdout.contains("interop: all checks passed"))
    daemon.signal(SIGTERM)
    #expect(await daemon.exitCode() == 0)
  }
}
