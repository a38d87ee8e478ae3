import Foundation
import Testing
import TwitchSimCore
import TwitchSimIRC
import WardenTestSupport

/// Flood throughput to raw TCP clients: a measurement, not a test (nothing is asserted about
/// speed). Run with `IRC_BENCHMARK=1 swift test --filter BroadcastBenchmark`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["IRC_BENCHMARK"] != nil))
struct BroadcastBenchmark {
  static let line =
    "@badge-info=;badges=;color=#1E90FF;display-name=Flooder;emotes=25:0-4;first-msg=0;flags=;"
    + "id=5b4f63a9-776f-4fce-bf3c-d9707f52e32d;mod=0;returning-chatter=0;room-id=37940952;subscriber=0;"
    + "tmi-sent-ts=1673925983585;turbo=0;user-id=133651738;user-type= "
    + ":flooder!flooder@flooder.tmi.twitch.tv PRIVMSG #alice :Kappa this is a flood line of ordinary length"

  @Test(arguments: [(1000, 1), (100, 1), (1, 1), (1000, 3)])
  func flood(batchSize: Int, clients clientCount: Int) async throws {
    let fixture = try await IRCFixture.start()
    defer { Task { await fixture.stop() } }
    var clients: [RawClient] = []
    for _ in 0..<clientCount {
      let client = try await fixture.login("bob")
      try await fixture.join(client)
      client.log.startCounting()
      clients.append(client)
    }
    let total = batchSize == 1 ? 200_000 : 1_000_000
    let batch = Array(repeating: Self.line, count: batchSize)
    let expected = clients.map { $0.log.byteCount + total * (Self.line.utf8.count + 2) }
    let start = ContinuousClock.now
    for _ in 0..<(total / batchSize) {
      fixture.server.broadcast(rawLines: batch, toChannel: "alice")
    }
    let handedOver = ContinuousClock.now - start
    #expect(await eventually(120) { zip(clients, expected).allSatisfy { $0.log.byteCount >= $1 } })
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(
      "IRC flood: \(total) lines of \(Self.line.utf8.count) bytes to \(clientCount) client(s) in batches of "
        + "\(batchSize): handed over in \(handedOver), all received in \(elapsed): "
        + "\(Int(Double(total) / seconds)) lines/s per client")
  }
}
