import Logging
import TwitchSimCore
import TwitchSimScenario

/// The gateway's ingest path, end to end in one process: twitch-sim's flood (`FloodDriver`) to
/// one anonymous IRC connection of the daemon's Twitch gateway, parsed, mapped, encoded and
/// published on the bus, to a `WardenClient.Subscriber` on `chat.`.
///
/// - Throughput rounds ask the flood for far more than the daemon can take; lines/s is the
///   number of events received over the time from the first line sent to the last event
///   received.
/// - Latency rounds flood at a steady rate, in batches every `latencyBatch`; each line's latency
///   is from the moment its batch was handed to the simulator's sockets to the moment the
///   subscriber's stream handed over its event (both `CLOCK_MONOTONIC`).
struct IngestBenchmark {
  var throughputLines: Int
  var throughputRate: Int
  var latencyRate: Int
  var latencySeconds: Int
  var latencyBatch: Duration
  var rounds: Int
  var webSocket: Bool

  struct Round {
    var sent: Int
    var received: Int
    var duplicates: Int
    var bytesPerLine: Double
    /// What the flood achieved sending.
    var floodLinesPerSecond: Double
    /// Events received / (first line sent → last event received).
    var receivedPerSecond: Double
    /// Events received / (first line sent → last event published, by its envelope's `ts`).
    var publishedPerSecond: Double
    /// Per line, µs.
    var latencies: Summary
    var lost: Int { sent - received }
  }

  struct Report {
    var throughput: [Round]
    var latency: [Round]
    var notices: [String]
  }

  func run() async throws -> Report {
    let rig = try await IngestRig.start(webSocket: webSocket)
    do {
      try await warmUp(rig)
      var throughput: [Round] = []
      var latency: [Round] = []
      for _ in 0..<rounds {
        throughput.append(try await flood(rig, lines: throughputLines, rate: throughputRate, batch: .milliseconds(10)))
      }
      for _ in 0..<rounds {
        latency.append(
          try await flood(rig, lines: latencyRate * latencySeconds, rate: latencyRate, batch: latencyBatch))
      }
      let notices = rig.takeNotices().map { "\($0)" }
      await rig.stop()
      return Report(throughput: throughput, latency: latency, notices: notices)
    } catch {
      await rig.stop()
      throw error
    }
  }

  /// Small floods until one arrives whole: the gateway has joined, the subscription is in place
  /// and every code path has run once.
  private func warmUp(_ rig: IngestRig) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      let round = try await flood(rig, lines: 2000, rate: 20_000, batch: .milliseconds(10), idle: .seconds(2))
      if round.sent > 0 && round.received == round.sent { return }
      try await Task.sleep(for: .milliseconds(200))
    }
    throw BenchError("the gateway never delivered a whole warm-up flood (is the IRC connection up?)")
  }

  /// One flood of `lines` lines at `rate`; waits until every event arrived or none came for `idle`.
  private func flood(
    _ rig: IngestRig, lines: Int, rate: Int, batch: Duration, idle: Duration = .seconds(5)
  ) async throws -> Round {
    let round = IngestRound(lines: lines)
    rig.begin(round)
    var quiet = Logger(label: "bench.ingest.flood")
    quiet.logLevel = .critical
    let report = await FloodDriver(logger: quiet, batchInterval: batch).flood(
      sink: rig.sink, channelLogin: IngestRig.channel, linesPerSecond: rate,
      duration: .nanoseconds(Int64((Double(lines) / Double(rate) * 1e9).rounded())),
      source: .generated(users: IngestChat.chatters, broadcaster: rig.broadcaster, texts: IngestChat.texts))
    let sent = report.deliveries > 0 ? report.linesSent : 0
    var last = (received: -1, at: ContinuousClock.now)
    while true {
      let received = round.progress.received
      if received >= sent { break }
      if received != last.received {
        last = (received, ContinuousClock.now)
      } else if ContinuousClock.now - last.at > idle {
        break
      }
      try await Task.sleep(for: .milliseconds(5))
    }
    let state = round.snapshot
    var latencies: [Double] = []
    latencies.reserveCapacity(state.received)
    for index in 0..<min(state.sent, round.capacity) where state.sendNS[index] > 0 && state.receiveNS[index] > 0 {
      latencies.append(Double(Int64(state.receiveNS[index]) - Int64(state.sendNS[index])) / 1000)
    }
    let span = Double(state.lastReceiveNS &- state.firstSendNS) / 1e9
    let publishSpan = Double(state.lastPublishMS - state.firstSendWallMS) / 1000
    return Round(
      sent: sent, received: state.received, duplicates: state.duplicates,
      bytesPerLine: state.sent > 0 ? Double(state.bytesSent) / Double(state.sent) : 0,
      floodLinesPerSecond: report.linesPerSecond,
      receivedPerSecond: state.received > 0 && span > 0 ? Double(state.received) / span : 0,
      publishedPerSecond: state.received > 0 && publishSpan > 0 ? Double(state.received) / publishSpan : 0,
      latencies: Summary(latencies))
  }
}
