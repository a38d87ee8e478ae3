import Foundation
import TwitchSimCore
import TwitchSimScenario
import WardenProtocol

extension ControlAPI {
  /// `POST /control/flood {channel, lines_per_second, duration_seconds, lines? | file? | texts?}`:
  /// pushes chat lines to the channel's IRC clients at the given rate, bypassing the world, and
  /// answers when done with what was achieved. Without `lines` or `file`, PRIVMSG lines are
  /// generated from the channel's chatters (or a few made-up users) and `texts`.
  func flood(_ body: ControlBody) async throws -> JSONValue {
    let broadcaster = try channel(try body.string("channel"))
    let rate = try body.int("lines_per_second", default: 1000)
    let seconds = try body.int("duration_seconds", default: 1)
    guard (1...10_000_000).contains(rate), (1...3600).contains(seconds) else {
      throw SimError.badRequest("'lines_per_second' must be 1 to 10000000 and 'duration_seconds' 1 to 3600")
    }
    let source: FloodSource
    if let path = try body.optionalString("file") {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw SimError.badRequest("cannot read '\(path)'")
      }
      let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0) }.filter { !$0.isEmpty }
      guard !lines.isEmpty else { throw SimError.badRequest("'\(path)' holds no lines") }
      source = .rawLines(lines)
    } else if case let lines = try body.strings("lines"), !lines.isEmpty {
      source = .rawLines(lines)
    } else {
      var users = world.chatters(of: broadcaster.id)
      if users.isEmpty { users = [broadcaster] }
      var texts = try body.strings("texts")
      if texts.isEmpty { texts = ["hello chat", "Kappa", "what game is this?", "LUL LUL LUL", "gg"] }
      source = .generated(users: users, broadcaster: broadcaster, texts: texts)
    }
    let report = await FloodDriver().flood(
      sink: sink, channelLogin: broadcaster.login, linesPerSecond: rate, duration: .seconds(seconds),
      source: source)
    return [
      "lines_sent": .int(Int64(report.linesSent)), "elapsed_seconds": .double(report.elapsedSeconds),
      "lines_per_second": .double(report.linesPerSecond),
    ]
  }
}
