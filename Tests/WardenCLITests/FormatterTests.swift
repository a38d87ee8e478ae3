import Foundation
import Testing
import WardenCLI
import WardenClient
import WardenProtocol

@Suite struct FormatterTests {
  let plain = EventFormatter(style: Style(enabled: false), timeZone: TimeZone(identifier: "UTC")!)

  @Test func eventLinesShowTimeTypeChannelSeqAndData() {
    let envelope = Envelope(
      type: EventType(stream: .mod, name: "ban")!, id: "x", seq: 42, epoch: "e", ts: 1_795_311_080_132,
      channel: "somechan", data: ["user": "spammer"])
    #expect(plain.line(for: envelope) == #"01:31:20.132 mod.ban #somechan seq 42  {"user":"spammer"}"#)
  }

  @Test func heartbeatsAreSummarised() throws {
    let data = HeartbeatData(seqs: [.chat: 5], heartbeatMS: 1000, uptimeMS: 61_000, subscribers: 2)
    let envelope = Envelope(type: .heartbeat, id: "h", seq: 0, epoch: "e", ts: 0, data: try WireCoding.value(data))
    #expect(
      plain.line(for: envelope)
        == "00:00:00.000 sys.heartbeat  uptime 61 s, 2 subscription(s), chat=5 mod=0 channel=0 analysis=0 sys=0")
  }

  @Test func longDataIsShortened() {
    let envelope = Envelope(
      type: EventType(stream: .chat, name: "message")!, id: "x", seq: 1, epoch: "e", ts: 0,
      data: ["text": .string(String(repeating: "a", count: 500))])
    #expect(plain.line(for: envelope).hasSuffix("…"))
    #expect(plain.line(for: envelope).count < 260)
  }

  @Test(arguments: [
    (SubscriberNotice.gap(stream: .chat, from: 5, to: 7), "! missed 3 chat events (seq 5–7)"),
    (.gap(stream: .mod, from: 2, to: 2), "! missed 1 mod event (seq 2)"),
    (.restarted(oldEpoch: "a", newEpoch: "b"), "! wardend restarted (epoch a → b); sequences begin anew"),
    (.silent(missed: 3), "! no word from wardend for 3 heartbeats; waiting for it to come back"),
    (.recovered, "! wardend is back"),
  ])
  func notices(_ notice: SubscriberNotice, _ expected: String) {
    #expect(plain.line(for: notice) == expected)
  }

  @Test func coloursOnlyWhenEnabled() {
    #expect(Style(enabled: true).paint("x", .red) == "\u{1B}[31mx\u{1B}[0m")
    #expect(Style(enabled: false).paint("x", .red) == "x")
    #expect(!Style.forStandardOutput(environment: ["NO_COLOR": "1"]).enabled)
  }

  @Test(arguments: [
    (0, "0 s"), (12_000, "12 s"), (242_000, "4 min 2 s"), (7_500_000, "2 h 5 min"), (273_600_000, "3 d 4 h"),
  ])
  func durations(_ ms: Int64, _ expected: String) {
    #expect(StatusFormatter.duration(ms: ms) == expected)
  }
}
