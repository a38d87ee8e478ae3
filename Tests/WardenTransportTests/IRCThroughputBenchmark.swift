import Foundation
import Synchronization
import Testing
import WardenTestSupport
import WardenTransport

/// How many lines per second one connection reads from a simulator flood, handler included.
/// Opt-in (`TRANSPORT_BENCHMARK=1`, or `=ws` / `=tcp` for one transport; the rate from
/// `TRANSPORT_BENCHMARK_RATE`, default 50,000); it prints the rate achieved and asserts only that
/// every line arrived.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TRANSPORT_BENCHMARK"] != nil))
struct IRCThroughputBenchmark {
  @Test(arguments: ["ws", "tcp"])
  func floodThroughOneConnection(_ transport: String) async throws {
    let environment = ProcessInfo.processInfo.environment
    guard environment["TRANSPORT_BENCHMARK"].map({ $0 == "1" || $0 == transport }) ?? false else { return }
    let rate = Int(environment["TRANSPORT_BENCHMARK_RATE"] ?? "") ?? 50_000
    let seconds = 4
    try await withSim { sim in
      let url = transport == "ws" ? sim.urls.ircWS : sim.urls.ircTCP
      let counter = Counter()
      let client = IRCClient(
        configuration: try fastIRCConfiguration(url, channels: ["streamer"]), credentials: { .anonymous() },
        handler: { event in
          if case .message(.privmsg, _, _) = event { counter.add() }
        }, logger: testLogger("bench.irc"))
      let running = Running { try await client.run() }
      #expect(await eventually { await client.channels().allSatisfy(\.joined) })
      let start = ContinuousClock.now
      try await sim.flood(channel: "streamer", linesPerSecond: rate, seconds: seconds)
      let expected = rate * seconds
      _ = await eventually(30) { counter.value >= expected }
      let elapsed = ContinuousClock.now - start
      let achieved = Double(counter.value) / elapsed.seconds
      print("IRC throughput over \(transport): \(counter.value) lines in \(elapsed), \(Int(achieved)) lines/s")
      #expect(counter.value == expected)
      await running.stop()
    }
  }
}

private final class Counter: Sendable {
  private let count = Atomic(0)

  func add() { count.add(1, ordering: .relaxed) }

  var value: Int { count.load(ordering: .relaxed) }
}

extension Duration {
  fileprivate var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) / 1e18
  }
}
