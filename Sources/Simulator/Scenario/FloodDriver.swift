import Foundation
import Logging
import TwitchSimCore

/// Pushes chat lines to a channel's IRC clients at a fixed rate, through the IRC surface's
/// `ChatLineSink` fast path. Floods bypass the world by design: no `sendChat`, no moderation
/// state, no EventSub `channel.chat.message`, nothing a Helix call can find afterwards; only
/// IRC clients see them. That is what lets them reach 100,000 lines a second and more, to
/// test how a client copes with a chat it cannot keep up with.
public struct FloodDriver: Sendable {
  public var logger: Logger
  /// How often a batch goes out; each batch carries the lines due since the last one.
  public var batchInterval: Duration
  /// The most lines handed to the sink in one call.
  public var maxBatch: Int

  public init(
    logger: Logger = Logger(label: "twitch-sim.flood"), batchInterval: Duration = .milliseconds(10),
    maxBatch: Int = 8192
  ) {
    self.logger = logger
    self.batchInterval = batchInterval
    self.maxBatch = maxBatch
  }

  /// Sends `linesPerSecond × duration` lines to `channelLogin`'s clients, paced in batches, and
  /// reports what was achieved. A sink slower than the rate makes the flood take longer; the
  /// report's rate shows it. Cancelling the task stops the flood early.
  public func flood(
    sink: any ChatLineSink, channelLogin: String, linesPerSecond: Int, duration: Duration, source: FloodSource
  ) async -> FloodReport {
    let total = max(0, Int((Double(linesPerSecond) * duration.seconds).rounded()))
    var lines = LineFactory(source: source, sink: sink)
    guard total > 0, linesPerSecond > 0, !lines.isEmpty else {
      return FloodReport(
        linesRequested: total, linesSent: 0, deliveries: 0, elapsedSeconds: 0, linesPerSecond: 0, cancelled: false)
    }
    logger.info(
      "Flood starting",
      metadata: [
        "twitch.channel": "\(channelLogin)", "sim.lines_per_second": "\(linesPerSecond)", "sim.lines": "\(total)",
      ])
    let start = ContinuousClock.now
    var tick = start
    var sent = 0
    var deliveries = 0
    var cancelled = false
    var batch: [String] = []
    batch.reserveCapacity(min(maxBatch, total))
    while sent < total {
      if Task.isCancelled {
        cancelled = true
        break
      }
      let now = ContinuousClock.now
      let due = min(total, Int((Double(linesPerSecond) * (now - start).seconds).rounded(.up)))
      if due > sent {
        let count = min(due - sent, maxBatch)
        batch.removeAll(keepingCapacity: true)
        lines.make(count, into: &batch, timestampMS: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
        deliveries += sink.broadcast(rawLines: batch, toChannel: channelLogin)
        sent += count
        if count == maxBatch && due > sent {
          await Task.yield()
          continue
        }
      }
      tick = max(tick.advanced(by: batchInterval), now)
      try? await Task.sleep(until: tick, clock: .continuous)
    }
    let elapsed = (ContinuousClock.now - start).seconds
    let report = FloodReport(
      linesRequested: total, linesSent: sent, deliveries: deliveries, elapsedSeconds: elapsed,
      linesPerSecond: elapsed > 0 ? Double(sent) / elapsed : 0, cancelled: cancelled)
    logger.info(
      "Flood done",
      metadata: [
        "twitch.channel": "\(channelLogin)", "sim.lines": "\(sent)", "sim.deliveries": "\(deliveries)",
        "sim.lines_per_second": "\(Int(report.linesPerSecond))", "sim.cancelled": "\(cancelled)",
      ])
    return report
  }
}

extension Duration {
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Makes the lines of a flood: copies of pre-rendered PRIVMSG templates with fresh ids and
/// timestamps, or raw lines in a cycle.
struct LineFactory {
  private let templates: [PrivmsgTemplate]
  private let raw: [String]
  private var counter: UInt64 = 0
  /// The first 24 bytes of every id (`xxxxxxxx-xxxx-4xxx-8xxx-`), random per flood; the last
  /// 12 are a hexadecimal counter, so ids are unique within a flood and look like Twitch's.
  private var id: [UInt8]

  init(source: FloodSource, sink: any ChatLineSink) {
    switch source {
    case .generated(let users, let broadcaster, let texts):
      templates = PrivmsgTemplate.pool(sink: sink, users: users, broadcaster: broadcaster, texts: texts)
      raw = []
    case .rawLines(let lines):
      templates = []
      raw = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }
    id = Array(UUID().uuidString.lowercased().utf8.prefix(24))
    id += Array(repeating: UInt8(ascii: "0"), count: 12)
  }

  var isEmpty: Bool { templates.isEmpty && raw.isEmpty }

  mutating func make(_ count: Int, into lines: inout [String], timestampMS: Int64) {
    guard templates.isEmpty else {
      let timestamp = Array(String(timestampMS).utf8)
      timestamp.withUnsafeBufferPointer { timestamp in
        for _ in 0..<count {
          setCounter()
          let template = templates[Int(counter % UInt64(templates.count))]
          lines.append(id.withUnsafeBufferPointer { template.line(id: $0, timestamp: timestamp) })
          counter += 1
        }
      }
      return
    }
    for _ in 0..<count {
      lines.append(raw[Int(counter % UInt64(raw.count))])
      counter += 1
    }
  }

  /// Writes `counter` as the id's last 12 hex digits.
  private mutating func setCounter() {
    let digits = Array("0123456789abcdef".utf8)
    var value = counter
    for index in stride(from: 35, through: 24, by: -1) {
      id[index] = digits[Int(value & 0xF)]
      value >>= 4
    }
  }
}
