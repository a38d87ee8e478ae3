import WardenProtocol
import WardenZeroMQ

/// Sequential `ping` round trips from a REQ socket to a real wardend's ROUTER (`cmd.v1`): the
/// time from sending a request to holding its reply, one request in flight.
struct CommandRoundTripBenchmark {
  var wardend: String
  var pings: Int
  var warmup: Int

  struct Report {
    /// Round trips in nanoseconds, warm-up excluded.
    var latencies: Summary
    var requestsPerSecond: Double
    var residentKiBAfter: Int?
    var exit: WardendProcess.Exit
  }

  func run() throws -> Report {
    let root = try TemporaryDirectory()
    defer { root.remove() }
    let daemon = try WardendProcess(binary: wardend, root: root)
    defer { daemon.killNow() }
    guard daemon.waitForFile(daemon.paths.infoFile, timeout: .seconds(15)) != nil else {
      throw BenchError("wardend wrote no daemon.json within 15 s:\n\(daemon.logTail())")
    }

    let total = warmup + pings
    let requests = (0..<total).map { Array("{\"v\":1,\"id\":\"\($0)\",\"cmd\":\"ping\"}".utf8) }
    let expected = (0..<total).map { Array("{\"v\":1,\"id\":\"\($0)\",\"ok\":true".utf8) }
    var samples: [Double] = []
    samples.reserveCapacity(pings)
    let clock = ContinuousClock()
    var measuredStart = clock.now

    let context = try ZMQContext()
    do {
      let socket = try ZMQSocket(context: context, type: .req)
      defer { socket.close() }
      try socket.set(.linger, 0)
      try socket.set(.receiveTimeout, 5000)
      try socket.connect(daemon.paths.endpoints.commands)
      for index in 0..<total {
        if index == warmup { measuredStart = clock.now }
        let start = clock.now
        try socket.send([requests[index]])
        guard let reply = try socket.receive() else {
          throw BenchError("no reply to ping \(index) within 5 s:\n\(daemon.logTail())")
        }
        let elapsed = clock.now - start
        guard reply.count == 1, reply[0].starts(with: expected[index]) else {
          throw BenchError("unexpected reply to ping \(index): \(String(decoding: reply.last ?? [], as: UTF8.self))")
        }
        if index >= warmup { samples.append(Double(elapsed.nanoseconds)) }
      }
    }
    let measured = clock.now - measuredStart
    withExtendedLifetime(context) {}

    let resident = daemon.residentKiB()
    let exit = daemon.terminate()
    return Report(
      latencies: Summary(samples), requestsPerSecond: Double(pings) / (Double(measured.nanoseconds) / 1e9),
      residentKiBAfter: resident, exit: exit)
  }
}
