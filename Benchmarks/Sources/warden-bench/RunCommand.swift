import ArgumentParser
import Foundation
import WardenZeroMQ

/// Runs the benchmarks and prints a table per benchmark, then a Markdown summary.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run the benchmarks (the default subcommand).")

  enum Suite: String, CaseIterable, ExpressibleByArgument {
    case bus, rtt, startup, flood, parser, codec, ingest
  }

  @Option(help: "Events per bus run.")
  var events = 200_000

  @Option(help: "Bus runs per path; the median is reported.")
  var rounds = 3

  @Option(name: .customLong("envelope-bytes"), help: "Envelope size of a bus event in bytes.")
  var envelopeBytes = 400

  @Option(help: "Send and receive high-water mark of the bus sockets.")
  var hwm: Int32 = 1_000_000

  @Option(help: "Measured ping round trips.")
  var pings = 20_000

  @Option(help: "Ping round trips before measuring.")
  var warmup = 1000

  @Option(help: "wardend start-ups to time.")
  var startups = 5

  @Option(name: .customLong("idle-seconds"), help: "Seconds after spawn before reading wardend's idle RSS.")
  var idleSeconds = 2.0

  @Option(help: "The wardend to run (default: ../.build/release/wardend, else ../.build/debug/wardend).")
  var wardend: String?

  @Option(name: .customLong("flood-rate"), help: "Lines per second twitch-sim's flood is asked for.")
  var floodRate = 200_000

  @Option(name: .customLong("flood-seconds"), help: "Seconds the flood lasts.")
  var floodSeconds = 2

  @Option(
    name: .customLong("twitch-sim"), help: "The twitch-sim to run (default: ../.build/release/twitch-sim, else debug).")
  var twitchSim: String?

  @Option(name: .customLong("parser-lines"), help: "Lines parsed per parser round.")
  var parserLines = 1_000_000

  @Option(name: .customLong("codec-iterations"), help: "Encodes or decodes per codec round.")
  var codecIterations = 20_000

  @Option(name: .customLong("ingest-lines"), help: "Lines per ingest throughput round.")
  var ingestLines = 300_000

  @Option(name: .customLong("ingest-rate"), help: "Lines per second asked of the ingest throughput flood.")
  var ingestRate = 200_000

  @Option(name: .customLong("latency-rate"), help: "Lines per second of the ingest latency flood.")
  var latencyRate = 5000

  @Option(name: .customLong("latency-seconds"), help: "Seconds an ingest latency round lasts.")
  var latencySeconds = 10

  @Option(name: .customLong("latency-batch-ms"), help: "Milliseconds between the latency flood's batches.")
  var latencyBatchMS = 1

  @Option(name: .customLong("ingest-irc"), help: "The gateway's IRC transport in the ingest suite: tcp or ws.")
  var ingestIRC: IngestTransport = .tcp

  @Option(help: "Run only this benchmark: bus, rtt, startup, flood, parser, codec or ingest (repeatable).")
  var only: [Suite] = []

  func validate() throws {
    guard events > 0, rounds > 0, pings > 0, warmup >= 0, startups > 0, envelopeBytes > 0, hwm >= 0, parserLines > 0
    else {
      throw ValidationError("counts must be positive")
    }
    guard codecIterations > 0, ingestLines > 0, ingestRate > 0, latencyRate > 0, latencySeconds > 0, latencyBatchMS > 0
    else {
      throw ValidationError("the codec and ingest options must be positive")
    }
    guard idleSeconds >= 0 else { throw ValidationError("--idle-seconds must not be negative") }
  }

  func run() async throws {
    let suites = only.isEmpty ? Suite.allCases : only
    let needsDaemon = suites.contains(.rtt) || suites.contains(.startup)
    let wardendPath = needsDaemon ? try Locations.wardend(explicit: wardend) : nil
    printHeader(wardend: wardendPath)

    var summary = MarkdownTable("benchmark", "figure", "result")
    var failures: [String] = []
    if suites.contains(.bus) {
      try await runBus(into: &summary, failures: &failures)
    }
    if let wardendPath, suites.contains(.rtt) {
      try runRoundTrip(wardend: wardendPath, into: &summary, failures: &failures)
    }
    if let wardendPath, suites.contains(.startup) {
      try runStartup(wardend: wardendPath, into: &summary, failures: &failures)
    }
    if suites.contains(.flood) {
      try await runFlood(into: &summary, failures: &failures)
    }
    if suites.contains(.parser) {
      try runParser(into: &summary)
    }
    if suites.contains(.codec) {
      try runCodec(into: &summary)
    }
    if suites.contains(.ingest) {
      try await runIngest(into: &summary, failures: &failures)
    }

    print("\n## Summary\n")
    print(summary.render())
    if !failures.isEmpty {
      print("\nFAILED: " + failures.joined(separator: "; "))
      throw ExitCode.failure
    }
  }

  private func printHeader(wardend: String?) {
    #if DEBUG
      let build = "debug (numbers are not meaningful; use `swift run -c release warden-bench`)"
    #else
      let build = "release"
    #endif
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
    print("# warden-bench")
    print("")
    print("- date: \(ISO8601DateFormatter().string(from: Date()))")
    print("- cpu: \(Locations.cpuModel()) x \(ProcessInfo.processInfo.activeProcessorCount)")
    print("- load average at start: \(load?.joined(separator: " ") ?? "unknown")")
    print("- libzmq: \(ZMQContext.libraryVersion); warden-bench build: \(build)")
    if let wardend { print("- wardend: \(wardend) (modified \(Locations.modified(wardend)))") }
  }

  // MARK: 1. Bus throughput

  private func runBus(into summary: inout MarkdownTable, failures: inout [String]) async throws {
    print("\n## 1. Event bus throughput (ipc, subscriber in another process)\n")
    print(
      "\(Format.grouped(events)) events x \(rounds) rounds per path, ~\(envelopeBytes)-byte envelopes, "
        + "HWM \(Format.grouped(Int(hwm))) on both sides; events/s = received / (first send to last receive).")
    let benchmark = BusBenchmark(
      events: events, rounds: rounds, envelopeBytes: envelopeBytes, highWaterMark: hwm,
      executable: Locations.currentExecutable())
    let report = try await benchmark.run()
    print("")
    var table = MarkdownTable(
      "path", "events/s (median)", "min", "max", "send loop/s (median)", "dropped", "bytes/msg (topic+body)")
    for path in BusBenchmark.Path.allCases {
      let rounds = report.rounds(path)
      let rates = Summary(rounds.map(\.eventsPerSecond))
      table.add(
        path.rawValue, Format.grouped(rates.median), Format.grouped(rates.min), Format.grouped(rates.max),
        Format.grouped(Summary(rounds.map(\.sendsPerSecond)).median), Format.grouped(report.dropped(path)),
        Format.fixed(Summary(rounds.map(\.averageMessageBytes)).median, 0))
    }
    print(table.render())

    let ratio = report.ratio
    let medianOf = "events/s received, median of \(rounds)"
    summary.add("bus: raw libzmq PUB -> SUB", medianOf, Format.grouped(report.medianRate(.raw)))
    summary.add("bus: EventBus + EventPublisher -> SUB", medianOf, Format.grouped(report.medianRate(.daemon)))
    summary.add(
      "bus: daemon / raw", "target >= 50 %",
      "\(Format.fixed(ratio * 100, 0)) % (\(ratio >= 0.5 ? "meets target" : "BELOW TARGET"))")
    summary.add(
      "bus: dropped events", "of \(Format.grouped(events * rounds)) per path",
      "raw \(Format.grouped(report.dropped(.raw))), daemon \(Format.grouped(report.dropped(.daemon)))")
    if report.dropped(.raw) + report.dropped(.daemon) > 0 { failures.append("the bus benchmark lost events") }
  }

  // MARK: 4. twitch-sim flood

  private func runFlood(into summary: inout MarkdownTable, failures: inout [String]) async throws {
    print("\n## 4. twitch-sim flood mode (plain-TCP IRC client in this process)\n")
    let executable = try Locations.product("twitch-sim", explicit: twitchSim)
    print("- twitch-sim: \(executable)")
    print("\(Format.grouped(floodRate)) lines/s asked for \(floodSeconds) s; lines counted as the client reads them.")
    let report = try await SimFloodBenchmark(executable: executable, linesPerSecond: floodRate, seconds: floodSeconds)
      .run()
    var table = MarkdownTable("requested", "received", "driver lines/s", "client lines/s")
    table.add(
      Format.grouped(report.requested), Format.grouped(report.received), Format.grouped(report.driverLinesPerSecond),
      Format.grouped(report.receivedLinesPerSecond))
    print(table.render())
    summary.add(
      "twitch-sim flood -> IRC client", "lines/s received (target >= 100,000)",
      "\(Format.grouped(report.receivedLinesPerSecond)) (\(report.receivedLinesPerSecond >= 100_000 ? "meets target" : "BELOW TARGET"))"
    )
    if report.received < report.requested {
      failures.append("the flood lost lines (\(report.received) of \(report.requested))")
    }
  }

  // MARK: 5. IRC parser

  private func runParser(into summary: inout MarkdownTable) throws {
    print("\n## 5. IRC parser (WardenIRC, one core)\n")
    print(
      "\(Format.grouped(parserLines)) lines x \(rounds) rounds per input, each parsed from raw memory; "
        + "ns/line = round time / lines.")
    let results = try ParserBenchmark(lines: parserLines, rounds: rounds).run()
    var table = MarkdownTable("input", "bytes/line", "ns/line (median)", "min", "max")
    for result in results {
      let times = result.nanosecondsPerLine
      table.add(
        result.name, Format.fixed(result.bytesPerLine, 0), Format.fixed(times.median), Format.fixed(times.min),
        Format.fixed(times.max))
    }
    print(table.render())
    for result in results {
      let median = result.nanosecondsPerLine.median
      guard result.hasTarget else {
        summary.add("parser: \(result.name)", "ns/line, median of \(rounds)", Format.fixed(median))
        continue
      }
      summary.add(
        "parser: \(result.name)", "ns/line, median of \(rounds) (target <= 400)",
        "\(Format.fixed(median)) (\(median <= 400 ? "meets target" : "ABOVE TARGET"))")
    }
  }

  // MARK: 2. Command round trip

  private func runRoundTrip(wardend: String, into summary: inout MarkdownTable, failures: inout [String]) throws {
    print("\n## 2. Command round trip: ping, REQ -> wardend ROUTER (ipc)\n")
    print("\(Format.grouped(pings)) sequential pings after \(Format.grouped(warmup)) warm-up, one in flight.")
    let report = try CommandRoundTripBenchmark(wardend: wardend, pings: pings, warmup: warmup).run()
    let latencies = report.latencies
    func micros(_ nanoseconds: Double) -> String { Format.fixed(nanoseconds / 1000, 1) }
    print("")
    var table = MarkdownTable("p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs", "mean µs", "pings/s")
    table.add(
      micros(latencies.median), micros(latencies.percentile(90)), micros(latencies.percentile(99)),
      micros(latencies.percentile(99.9)), micros(latencies.max), micros(latencies.mean),
      Format.grouped(report.requestsPerSecond))
    print(table.render())
    let rss = report.residentKiBAfter.map { Format.mebibytes(kibibytes: $0) } ?? "n/a"
    print(
      "\nwardend RSS after the pings: \(rss); SIGTERM -> \(report.exit.description) in "
        + "\(Format.fixed(report.exit.elapsed.milliseconds)) ms")

    summary.add(
      "cmd: ping round trip, \(Format.grouped(pings)) sequential", "p50 / p90 / p99 / max",
      "\(micros(latencies.median)) / \(micros(latencies.percentile(90))) / \(micros(latencies.percentile(99))) / "
        + "\(micros(latencies.max)) µs")
    summary.add("cmd: ping throughput", "one request in flight", "\(Format.grouped(report.requestsPerSecond)) /s")
    summary.add("wardend RSS after the pings", "VmRSS", rss)
    summary.add("wardend SIGTERM after the pings", "exit status", report.exit.description)
    if !report.exit.isCleanExit { failures.append("wardend did not exit 0 on SIGTERM (\(report.exit.description))") }
  }

  // MARK: 3. Start-up and idle memory

  private func runStartup(wardend: String, into summary: inout MarkdownTable, failures: inout [String]) throws {
    print("\n## 3. wardend start-up and idle memory\n")
    print(
      "\(startups) start-ups; times from spawn; RSS read \(Format.fixed(idleSeconds)) s after spawn; "
        + "a SUB connects as soon as events.v1 exists.")
    let idle = Duration.nanoseconds(Int64(idleSeconds * 1e9))
    let runs = try StartupBenchmark(wardend: wardend, runs: startups, idle: idle).run()
    func ms(_ duration: Duration?) -> String { duration.map { Format.fixed($0.milliseconds) } ?? "n/a" }
    print("")
    var table = MarkdownTable(
      "run", "events.v1 ms", "daemon.json ms", "hello reply ms", "welcome ms", "1st heartbeat ms", "first beat?",
      "idle RSS", "SIGTERM -> exit")
    for (index, run) in runs.enumerated() {
      table.add(
        "\(index + 1)", ms(run.socketFile), ms(run.infoFile), ms(run.hello), ms(run.welcome), ms(run.heartbeat),
        run.caughtFirstBeat ? "yes" : "no", run.residentKiB.map { Format.mebibytes(kibibytes: $0) } ?? "n/a",
        "\(run.exit.description), \(ms(run.exit.elapsed)) ms")
    }
    print(table.render())

    func medianMax(_ values: [Duration?]) -> String {
      let present = values.compactMap { $0?.milliseconds }
      guard !present.isEmpty else { return "n/a" }
      let stats = Summary(present)
      let missing = values.count - present.count
      return "\(Format.fixed(stats.median)) / \(Format.fixed(stats.max)) ms"
        + (missing > 0 ? " (\(missing) missing)" : "")
    }
    let caught = runs.filter(\.caughtFirstBeat).count
    let resident = Summary(runs.compactMap { $0.residentKiB.map(Double.init) })
    let figure = "median / max of \(runs.count)"
    summary.add("start-up: spawn -> daemon.json", figure, medianMax(runs.map(\.infoFile)))
    summary.add("start-up: spawn -> first hello reply", figure, medianMax(runs.map(\.hello)))
    summary.add(
      "start-up: spawn -> first sys.heartbeat received", figure,
      medianMax(runs.map(\.heartbeat)) + ", first beat caught \(caught)/\(runs.count)")
    summary.add(
      "wardend idle RSS", "VmRSS \(Format.fixed(idleSeconds)) s after spawn, median / max",
      resident.count > 0
        ? "\(Format.mebibytes(kibibytes: Int(resident.median))) / \(Format.mebibytes(kibibytes: Int(resident.max)))"
        : "n/a")
    summary.add("wardend SIGTERM when idle", figure, medianMax(runs.map { $0.exit.elapsed }))
    let unclean = runs.filter { !$0.exit.isCleanExit }
    if !unclean.isEmpty {
      failures.append("\(unclean.count) idle wardend(s) did not exit 0 on SIGTERM")
    }
  }
}
