import Foundation
import Testing
import TwitchSimCore
import WardenTestSupport

@Suite struct StressTmpTests {
  @Test(arguments: 0..<3)
  func madeUp(n: Int) async throws {
    try await EventSubHarness.with { harness in
      let clients = (0..<3).map { _ in TestClient(harness.url + "?reconnect_id=nonsense") }
      var codes: [Int?] = []
      for c in clients { codes.append(await c.closeCode(within: 8)) }
      #expect(codes.allSatisfy { $0 == 4007 }, "\(codes)")
    }
  }
}
