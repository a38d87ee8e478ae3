import Foundation
import Logging
import Testing
import TwitchSimCore
import TwitchSimScenario
import WardenTestSupport

@Suite struct FloodDriverTests {
  static let users = (1...5).map {
    SimUser(id: "\(200 + $0)", login: "user\($0)", displayName: "User\($0)", createdAt: Date())
  }
  static let broadcaster = SimUser(id: "100", login: "streamer", displayName: "Streamer", createdAt: Date())

  @Test func generatedFloodSendsTheRequestedLinesWithFreshIDs() async throws {
    let sink = CountingSink(keep: 3000)
    let report = await FloodDriver().flood(
      sink: sink, channelLogin: "streamer", linesPerSecond: 5000, duration: .milliseconds(500),
      source: .generated(users: Self.users, broadcaster: Self.broadcaster, texts: ["hello Kappa", "gg"]))
    #expect(report.linesRequested == 2500)
    #expect(report.linesSent == 2500)
    #expect(sink.lines == 2500)
    #expect(report.deliveries == 2500)
    #expect(!report.cancelled)
    #expect(sink.calls > 1, "paced in batches")
    let ids = sink.kept.map { tag("id", in: $0) }
    #expect(Set(ids).count == ids.count, "every line has its own id")
    #expect(ids.allSatisfy { $0.count == 36 && $0.split(separator: "-").count == 5 })
    let stamps = sink.kept.compactMap { Int64(tag("tmi-sent-ts", in: $0)) }
    #expect(stamps.count == sink.kept.count)
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    #expect(stamps.allSatisfy { abs($0 - now) < 60_000 })
    #expect(sink.kept.allSatisfy { $0.contains(" PRIVMSG #streamer :") })
    #expect(Set(sink.kept.map { $0.split(separator: " :").last.map(String.init) ?? "" }) == ["hello Kappa", "gg"])
  }

  @Test func rawLinesAreCycled() async throws {
    let sink = CountingSink(keep: 10)
    let lines = ["PING :tmi.twitch.tv", "@a=b :x!x@x PRIVMSG #streamer :one\r", ":tmi.twitch.tv RECONNECT"]
    let report = await FloodDriver().flood(
      sink: sink, channelLogin: "streamer", linesPerSecond: 1000, duration: .milliseconds(200), source: .rawLines(lines)
    )
    #expect(report.linesSent == 200)
    #expect(sink.lines == 200)
    #expect(
      Array(sink.kept.prefix(4)) == [
        "PING :tmi.twitch.tv", "@a=b :x!x@x PRIVMSG #streamer :one", ":tmi.twitch.tv RECONNECT", "PING :tmi.twitch.tv",
      ])
  }

  @Test func rawLinesFromAFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("flood-\(UUID()).txt").path
    try "PING :a\r\n\r\nPING :b\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard case .rawLines(let lines) = try FloodSource.rawLines(contentsOfFile: path) else {
      Issue.record("not raw lines")
      return
    }
    #expect(lines == ["PING :a", "PING :b"])
  }

  @Test func cancellingStopsTheFlood() async throws {
    let sink = CountingSink()
    let task = Task {
      await FloodDriver().flood(
        sink: sink, channelLogin: "streamer", linesPerSecond: 1000, duration: .seconds(600),
        source: .rawLines(["PING :x"]))
    }
    #expect(await eventually { sink.lines >= 10 })
    task.cancel()
    let report = await task.value
    #expect(report.cancelled)
    #expect(report.linesSent < report.linesRequested)
  }

  /// Not an assertion on speed: prints what this machine reaches, for the record. First the
  /// pacing at 200,000 lines/s for 1 s, then the capacity (a rate no machine reaches, 0.5 s).
  @Test func measurePacingAt200kLinesPerSecond() async throws {
    let users = (1...200).map {
      SimUser(id: "\(1000 + $0)", login: "flooder\($0)", displayName: "Flooder\($0)", createdAt: Date())
    }
    let source = FloodSource.generated(
      users: users, broadcaster: Self.broadcaster, texts: ["LUL", "Kappa Kappa", "what game is this?"])
    let paced = CountingSink()
    let report = await FloodDriver().flood(
      sink: paced, channelLogin: "streamer", linesPerSecond: 200_000, duration: .seconds(1), source: source)
    print(
      "FLOOD MEASURE paced: requested 200000 lines/s for 1 s; sent \(report.linesSent) lines in "
        + "\(String(format: "%.3f", report.elapsedSeconds)) s = \(Int(report.linesPerSecond)) lines/s "
        + "(\(paced.calls) batches)")
    #expect(report.linesSent == 200_000)
    let unpaced = CountingSink()
    let capacity = await FloodDriver().flood(
      sink: unpaced, channelLogin: "streamer", linesPerSecond: 20_000_000, duration: .milliseconds(10),
      source: source)
    print(
      "FLOOD MEASURE capacity: \(capacity.linesSent) lines in \(String(format: "%.3f", capacity.elapsedSeconds)) s "
        + "= \(Int(capacity.linesPerSecond)) lines/s")
  }

  private func tag(_ key: String, in line: String) -> String {
    let tags = line.prefix { $0 != " " }.dropFirst().split(separator: ";")
    return tags.first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) } ?? ""
  }
}
