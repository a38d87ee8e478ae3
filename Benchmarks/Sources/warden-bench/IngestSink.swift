import Foundation
import Synchronization
import TwitchSimCore

/// twitch-sim's IRC surface as the ingest floods see it: the real sink, with two additions.
///
/// - Rendering gives the chatters badges (subscriber with months, premium, moderator, VIP,
///   bits), as on a busy channel, so the lines look like the parser suite's ~390-byte mix;
///   `FloodDriver` itself renders viewers without badges.
/// - Every batch handed to the real sink is stamped with `CLOCK_MONOTONIC` just before it goes
///   to the sockets: the simulator's send time of each of its lines. A flood's ids end in a
///   12-digit hexadecimal line counter (`FloodDriver`'s `LineFactory`), so the subscriber finds
///   a line's send time from the event's `message_id`.
final class IngestSink: ChatLineSink {
  private let sink: any ChatLineSink
  private let current = Mutex<IngestRound?>(nil)

  init(wrapping sink: any ChatLineSink) {
    self.sink = sink
  }

  /// The round that the next lines belong to.
  func begin(_ round: IngestRound) {
    current.withLock { $0 = round }
  }

  func renderPrivmsg(_ event: ChatMessageEvent) -> String {
    var event = event
    event.badges = Self.badges(for: event.sender)
    event.role = event.badges.contains { $0.setID == "moderator" } ? .moderator : .viewer
    return sink.renderPrivmsg(event)
  }

  @discardableResult
  func broadcast(rawLines: [String], toChannel channelLogin: String?) -> Int {
    let round = current.withLock { $0 }
    round?.sent(
      rawLines, at: MonotonicTime.nanoseconds(), wallMS: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    return sink.broadcast(rawLines: rawLines, toChannel: channelLogin)
  }

  /// A chatter's badges, fixed per user: about half subscribers, a few moderators and VIPs.
  static func badges(for user: SimUser) -> [SimBadge] {
    let number = Int(user.id.suffix(4)) ?? 0
    var badges: [SimBadge] = []
    switch number % 16 {
    case 0: badges.append(SimBadge(setID: "moderator", version: "1"))
    case 1: badges.append(SimBadge(setID: "vip", version: "1"))
    default: break
    }
    if number % 2 == 0 {
      let months = 1 + number % 40
      badges.append(SimBadge(setID: "subscriber", version: months >= 12 ? "12" : "\(months)", info: "\(months)"))
    }
    switch number % 5 {
    case 0: badges.append(SimBadge(setID: "premium", version: "1"))
    case 1: badges.append(SimBadge(setID: "bits", version: "1000"))
    case 2: badges.append(SimBadge(setID: "glhf-pledge", version: "1"))
    default: break
    }
    return badges
  }
}
