import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// twitch-sim's flood mode as Warden will meet it: the real `twitch-sim` executable, an
/// anonymous IRC client on plain TCP in this process, and `POST /control/flood`. Counts the
/// PRIVMSG lines the client actually reads.
struct SimFloodBenchmark {
  let executable: String
  let linesPerSecond: Int
  let seconds: Int

  struct Report {
    var requested: Int
    var driverLinesPerSecond: Double
    var received: Int
    var receivedLinesPerSecond: Double
  }

  func run() async throws -> Report {
    let directory = try TemporaryDirectory(prefix: "wbf")
    let ready = directory.path + "/ready.json"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["--ready-file", ready, "--log-level", "error"]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer {
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
    }
    let deadline = Date().addingTimeInterval(20)
    while !FileManager.default.fileExists(atPath: ready) {
      guard Date() < deadline, process.isRunning else { throw BenchError("twitch-sim did not write \(ready)") }
      try await Task.sleep(for: .milliseconds(10))
    }
    let urls =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ready))) as? [String: String]
    guard let control = urls?["control"], let tcp = urls?["irc_tcp"],
      let port = Int(tcp.split(separator: ":").last ?? "")
    else { throw BenchError("unreadable ready file") }

    _ = try await post(control + "/channels", ["login": "floodchan"])
    let client = try IRCReader(port: port)
    try client.send("CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan4242\r\nJOIN #floodchan\r\n")
    guard client.waitFor("ROOMSTATE", seconds: 10) else { throw BenchError("the IRC client never joined") }

    let expected = linesPerSecond * seconds
    let counter = Task.detached { client.countPrivmsg(expected: expected, idleSeconds: 5) }
    let flood = try await post(
      control + "/flood",
      ["channel": "floodchan", "lines_per_second": linesPerSecond, "duration_seconds": seconds])
    let (received, elapsed) = await counter.value
    client.close()
    return Report(
      requested: expected, driverLinesPerSecond: (flood["lines_per_second"] as? Double) ?? 0, received: received,
      receivedLinesPerSecond: elapsed > 0 ? Double(received) / elapsed : 0)
  }

  private func post(_ url: String, _ body: [String: Any]) async throws -> [String: Any] {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = "POST"
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    request.timeoutInterval = 600
    let (data, _) = try await URLSession.shared.data(for: request)
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
  }
}

/// A blocking IRC client on a raw socket that counts lines as fast as it can read them.
final class IRCReader: @unchecked Sendable {
  private let descriptor: Int32
  private var pending: [UInt8] = []

  init(port: Int) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else { throw BenchError("cannot connect to IRC on port \(port)") }
    var big: Int32 = 8 << 20
    setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &big, socklen_t(MemoryLayout<Int32>.size))
  }

  func send(_ text: String) throws {
    let bytes = Array(text.utf8)
    guard Glibc.send(descriptor, bytes, bytes.count, 0) == bytes.count else { throw BenchError("IRC send failed") }
  }

  /// Reads lines until one contains `marker`.
  func waitFor(_ marker: String, seconds: Double) -> Bool {
    setTimeout(seconds)
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var text = ""
    while true {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      guard count > 0 else { return false }
      text += String(decoding: buffer[..<count], as: UTF8.self)
      if text.contains(marker) { return true }
    }
  }

  /// Counts lines containing ` PRIVMSG ` until `expected` or `idleSeconds` of silence; returns
  /// the count and the seconds from the first to the last one.
  func countPrivmsg(expected: Int, idleSeconds: Double) -> (Int, Double) {
    setTimeout(idleSeconds)
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var count = 0
    var first: Date?
    var last = Date()
    var carry: [UInt8] = []
    let marker = Array(" PRIVMSG ".utf8)
    while count < expected {
      let read = recv(descriptor, &buffer, buffer.count, 0)
      guard read > 0 else { break }
      if first == nil { first = Date() }
      last = Date()
      var start = 0
      for index in 0..<read where buffer[index] == 0x0A {
        let line = carry + buffer[start..<index]
        if contains(line, marker) { count += 1 }
        carry = []
        start = index + 1
      }
      carry += buffer[start..<read]
    }
    return (count, first.map { last.timeIntervalSince($0) } ?? 0)
  }

  private func contains(_ line: [UInt8], _ marker: [UInt8]) -> Bool {
    guard line.count >= marker.count else { return false }
    // PRIVMSG lines start with tags, so the command sits well inside the line; scan from the start.
    for start in 0...(line.count - marker.count) where line[start] == marker[0] {
      if line[start..<(start + marker.count)].elementsEqual(marker) { return true }
    }
    return false
  }

  private func setTimeout(_ seconds: Double) {
    var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  func close() { Glibc.close(descriptor) }
}
