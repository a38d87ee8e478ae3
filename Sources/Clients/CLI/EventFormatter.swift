import Foundation
import WardenClient
import WardenProtocol

/// Turns events and notices into the readable lines of `warden tail`.
public struct EventFormatter: Sendable {
  public let style: Style
  /// The time zone for timestamps (the local one by default).
  public let timeZone: TimeZone

  public init(style: Style, timeZone: TimeZone = .current) {
    self.style = style
    self.timeZone = timeZone
  }

  /// `12:34:56.789 chat.message #channel  seq 42  {…}`
  public func line(for envelope: Envelope) -> String {
    let time = style.paint(clock(envelope.ts), .gray)
    let type = style.paint(envelope.type.description, color(for: envelope.stream))
    let channel = envelope.channel.map { " " + style.paint("#" + $0, .bold) } ?? ""
    let seq = envelope.seq > 0 ? " " + style.paint("seq \(envelope.seq)", .gray) : ""
    return "\(time) \(type)\(channel)\(seq)  \(summary(of: envelope))"
  }

  /// A line for a notice, meant for standard error.
  public func line(for notice: SubscriberNotice) -> String {
    switch notice {
    case .gap(let stream, let from, let to):
      let count = to - from + 1
      return style.paint(
        "! missed \(count) \(stream.rawValue) event\(count == 1 ? "" : "s") (seq \(from)\(count > 1 ? "–\(to)" : ""))",
        .yellow)
    case .restarted(let old, let new):
      return style.paint("! wardend restarted (epoch \(old) → \(new)); sequences begin anew", .yellow)
    case .silent(let missed):
      return style.paint("! no word from wardend for \(missed) heartbeats; waiting for it to come back", .red)
    case .recovered:
      return style.paint("! wardend is back", .green)
    }
  }

  private func summary(of envelope: Envelope) -> String {
    switch envelope.type {
    case .heartbeat:
      if let data = try? envelope.decodeData(HeartbeatData.self) {
        return "uptime \(data.uptimeMS / 1000) s, \(data.subscribers) subscription(s), " + sequences(data.seqs)
      }
    case .welcome:
      if let data = try? envelope.decodeData(WelcomeData.self) {
        return "subscribed to '\(data.subscription)', epoch \(envelope.epoch), " + sequences(data.seqs)
      }
    default:
      if let summary = gatewaySummary(of: envelope) { return summary }
    }
    let text = String(decoding: envelope.data.jsonBytes, as: UTF8.self)
    return text.count > 200 ? String(text.prefix(199)) + "…" : text
  }

  private func sequences(_ seqs: SequenceNumbers) -> String {
    EventStream.allCases.map { "\($0.rawValue)=\(seqs[$0] ?? 0)" }.joined(separator: " ")
  }

  private func clock(_ ms: Int64) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let date = Date(timeIntervalSince1970: Double(ms) / 1000)
    let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
    let millis = Int(((ms % 1000) + 1000) % 1000)
    return String(format: "%02d:%02d:%02d.%03d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, millis)
  }

  private func color(for stream: EventStream) -> Style.Color {
    switch stream {
    case .chat: .cyan
    case .mod: .red
    case .channel: .magenta
    case .analysis: .blue
    case .sys: .gray
    }
  }
}
