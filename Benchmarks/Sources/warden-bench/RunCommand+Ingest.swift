import ArgumentParser

/// The IRC transport the gateway uses in the ingest suite.
enum IngestTransport: String, ExpressibleByArgument {
  case tcp, ws
}

extension RunCommand {
  // MARK: 7. Ingest: twitch-sim flood -> gateway -> bus -> subscriber

  func runIngest(into summary: inout MarkdownTable, failures: inout [String]) async throws {
    print("\n## 7. Ingest: twitch-sim flood -> one IRC connection -> chat.message -> subscriber (one process)\n")
    print(
      "IRC over \(ingestIRC == .tcp ? "plain TCP" : "WebSocket"), anonymous; \(rounds) throughput rounds of "
        + "\(Format.grouped(ingestLines)) lines asked at \(Format.grouped(ingestRate)) lines/s, then \(rounds) "
        + "latency rounds at \(Format.grouped(latencyRate)) lines/s for \(latencySeconds) s in batches every "
        + "\(latencyBatchMS) ms. received/s = events received / (first line sent -> last event received); "
        + "published/s: the same events / (first line sent -> the last one's envelope ts), to the ms.")
    let benchmark = IngestBenchmark(
      throughputLines: ingestLines, throughputRate: ingestRate, latencyRate: latencyRate,
      latencySeconds: latencySeconds, latencyBatch: .milliseconds(latencyBatchMS), rounds: rounds,
      webSocket: ingestIRC == .ws)
    let report = try await benchmark.run()

    func micros(_ value: Double) -> String { Format.fixed(value, 0) }
    print("")
    var table = MarkdownTable(
      "round", "sent", "received", "lost", "bytes/line", "flood lines/s", "published/s", "received/s", "p50 µs",
      "p99 µs", "max µs")
    for (name, rounds) in [("throughput", report.throughput), ("latency", report.latency)] {
      for (index, round) in rounds.enumerated() {
        table.add(
          "\(name) \(index + 1)", Format.grouped(round.sent), Format.grouped(round.received),
          Format.grouped(round.lost), Format.fixed(round.bytesPerLine, 0), Format.grouped(round.floodLinesPerSecond),
          Format.grouped(round.publishedPerSecond), Format.grouped(round.receivedPerSecond),
          micros(round.latencies.median), micros(round.latencies.percentile(99)), micros(round.latencies.max))
      }
    }
    print(table.render())
    if !report.notices.isEmpty { print("\nsubscriber notices: " + report.notices.joined(separator: "; ")) }

    let rate = Summary(report.throughput.map(\.receivedPerSecond)).median
    summary.add(
      "ingest: max throughput, \(ingestIRC.rawValue)", "lines/s received, median of \(rounds) (target >= 50,000)",
      "\(Format.grouped(rate)) (\(rate >= 50_000 ? "meets target" : "BELOW TARGET"))")
    summary.add(
      "ingest: daemon side, \(ingestIRC.rawValue)", "events/s published, median of \(rounds)",
      Format.grouped(Summary(report.throughput.map(\.publishedPerSecond)).median))
    let latency = report.latency
    let p99 = Summary(latency.map { $0.latencies.percentile(99) }).median
    summary.add(
      "ingest: latency at \(Format.grouped(latencyRate))/s", "p50 / p99 / max µs, median of \(rounds) (p99 < 2,000)",
      "\(micros(Summary(latency.map(\.latencies.median)).median)) / \(micros(p99)) / "
        + "\(micros(Summary(latency.map(\.latencies.max)).median)) (\(p99 < 2000 ? "meets target" : "ABOVE TARGET"))")
    let lost = (report.throughput + report.latency).reduce(0) { $0 + $1.lost }
    let sent = (report.throughput + report.latency).reduce(0) { $0 + $1.sent }
    summary.add("ingest: lost events", "of \(Format.grouped(sent)) lines sent", Format.grouped(lost))
    if lost > 0 { failures.append("the ingest benchmark lost \(lost) events") }
  }
}
