import Testing
import WardenClient
import WardenProtocol

private func event(_ stream: EventStream, _ seq: UInt64, epoch: String = "e1") -> Envelope {
  Envelope(
    type: EventType(stream: stream, name: "test")!, id: "\(epoch)-\(stream)-\(seq)", seq: seq, epoch: epoch, ts: 0)
}

private func heartbeat(_ seqs: SequenceNumbers, epoch: String = "e1") -> Envelope {
  let data = HeartbeatData(seqs: seqs, heartbeatMS: 1000, uptimeMS: 0, subscribers: 1)
  return Envelope(type: .heartbeat, id: "hb", seq: 0, epoch: epoch, ts: 0, data: try! WireCoding.value(data))
}

private func welcome(_ seqs: SequenceNumbers, epoch: String = "e1", for subscription: String = "") -> Envelope {
  let data = WelcomeData(subscription: subscription, seqs: seqs, heartbeatMS: 1000, serverVersion: "test")
  return Envelope(type: .welcome, id: "w", seq: 0, epoch: epoch, ts: 0, data: try! WireCoding.value(data))
}

/// What a run of inputs produced, written compactly: events as `stream#seq`, notices by name.
private func run(_ tracker: inout SequenceTracker, _ inputs: [Envelope]) -> [String] {
  inputs.flatMap { tracker.receive($0) }.map(describe)
}

private func describe(_ output: SubscriberOutput) -> String {
  switch output {
  case .event(let envelope) where envelope.seq == 0: return envelope.type.name
  case .event(let envelope): return "\(envelope.stream.rawValue)#\(envelope.seq)"
  case .notice(.gap(let stream, let from, let to)): return "gap \(stream.rawValue) \(from)-\(to)"
  case .notice(.restarted(let old, let new)): return "restart \(old)->\(new)"
  case .notice(.silent(let missed)): return "silent \(missed)"
  case .notice(.recovered): return "recovered"
  }
}

struct TrackerCase: Sendable, CustomTestStringConvertible {
  let name: String
  let prefixes: [String]
  let inputs: [Envelope]
  let expected: [String]
  var testDescription: String { name }
}

private let cases: [TrackerCase] = [
  TrackerCase(
    name: "contiguous events pass", prefixes: [""],
    inputs: [welcome([.chat: 3]), event(.chat, 4), event(.chat, 5)],
    expected: ["welcome", "chat#4", "chat#5"]),
  TrackerCase(
    name: "a jump is a gap", prefixes: [""],
    inputs: [welcome([.chat: 3]), event(.chat, 4), event(.chat, 8)],
    expected: ["welcome", "chat#4", "gap chat 5-7", "chat#8"]),
  TrackerCase(
    name: "the first event after our welcome can already be a gap", prefixes: ["chat."],
    inputs: [welcome([.chat: 3], for: "chat."), event(.chat, 6)],
    expected: ["welcome", "gap chat 4-5", "chat#6"]),
  TrackerCase(
    name: "duplicates and old events are dropped", prefixes: [""],
    inputs: [welcome([:]), event(.mod, 1), event(.mod, 2), event(.mod, 2), event(.mod, 1), event(.mod, 3)],
    expected: ["welcome", "mod#1", "mod#2", "mod#3"]),
  TrackerCase(
    name: "streams are numbered separately", prefixes: [""],
    inputs: [welcome([:]), event(.chat, 1), event(.mod, 1), event(.chat, 2), event(.mod, 2)],
    expected: ["welcome", "chat#1", "mod#1", "chat#2", "mod#2"]),
  TrackerCase(
    name: "nothing is checked before our welcome", prefixes: ["chat."],
    inputs: [
      event(.chat, 5), event(.chat, 9), heartbeat([.chat: 12]), welcome([.chat: 14], for: "chat."), event(.chat, 15),
    ],
    expected: ["chat#5", "chat#9", "heartbeat", "welcome", "chat#15"]),
  TrackerCase(
    name: "another subscriber's welcome starts nothing", prefixes: ["chat."],
    inputs: [welcome([.chat: 2], for: "mod."), event(.chat, 3), event(.chat, 7)],
    expected: ["welcome", "chat#3", "chat#7"]),
  TrackerCase(
    name: "a heartbeat ahead of the last event reveals lost tail events", prefixes: [""],
    inputs: [welcome([:]), event(.chat, 1), heartbeat([.chat: 3]), event(.chat, 4)],
    expected: ["welcome", "chat#1", "gap chat 2-3", "heartbeat", "chat#4"]),
  TrackerCase(
    name: "a heartbeat that matches reports nothing", prefixes: [""],
    inputs: [welcome([:]), event(.chat, 1), heartbeat([.chat: 1]), event(.chat, 2)],
    expected: ["welcome", "chat#1", "heartbeat", "chat#2"]),
  TrackerCase(
    name: "a new epoch is a restart and waits for the new welcome", prefixes: [""],
    inputs: [
      welcome([.chat: 6]), event(.chat, 7), event(.chat, 1, epoch: "e2"), welcome([.chat: 1], epoch: "e2"),
      event(.chat, 3, epoch: "e2"),
    ],
    expected: ["welcome", "chat#7", "restart e1->e2", "chat#1", "welcome", "gap chat 2-2", "chat#3"]),
  TrackerCase(
    name: "a restart seen on a heartbeat", prefixes: [""],
    inputs: [welcome([.chat: 6]), event(.chat, 7), heartbeat([.chat: 0], epoch: "e2"), event(.chat, 1, epoch: "e2")],
    expected: ["welcome", "chat#7", "restart e1->e2", "heartbeat", "chat#1"]),
  TrackerCase(
    name: "no gaps for streams subscribed in part", prefixes: ["chat.message."],
    inputs: [welcome([:], for: "chat.message."), event(.chat, 1), event(.chat, 5), heartbeat([.chat: 9])],
    expected: ["welcome", "chat#1", "chat#5", "heartbeat"]),
  TrackerCase(
    name: "gaps only for the streams covered", prefixes: ["mod."],
    inputs: [welcome([.mod: 0, .chat: 0], for: "mod."), event(.mod, 2), heartbeat([.mod: 2, .chat: 50])],
    expected: ["welcome", "gap mod 1-1", "mod#2", "heartbeat"]),
]

@Test(arguments: cases)
func trackerTable(_ testCase: TrackerCase) {
  var tracker = SequenceTracker(prefixes: testCase.prefixes)
  #expect(run(&tracker, testCase.inputs) == testCase.expected)
}

@Test func trackedStreamsFollowThePrefixes() {
  #expect(SequenceTracker(prefixes: [""]).tracked == Set(EventStream.allCases))
  #expect(SequenceTracker(prefixes: ["mod.", "chat"]).tracked == [.mod, .chat])
  #expect(SequenceTracker(prefixes: ["mod.ban.", "chat.message.x"]).tracked.isEmpty)
}

@Test func silenceIsReportedOnceAndRecoveryOnTheNextMessage() {
  var tracker = SequenceTracker(prefixes: [""])
  _ = tracker.receive(heartbeat([:]))
  #expect(tracker.silence(missed: 3).map(describe) == ["silent 3"])
  #expect(tracker.silence(missed: 3).isEmpty)
  #expect(tracker.isSilent)
  #expect(tracker.receive(heartbeat([:])).map(describe) == ["recovered", "heartbeat"])
  #expect(!tracker.isSilent)
}

@Test func silenceThenRestartReportsBoth() {
  var tracker = SequenceTracker(prefixes: [""])
  _ = tracker.receive(welcome([:]))
  _ = tracker.receive(event(.chat, 4))
  _ = tracker.silence(missed: 3)
  #expect(
    tracker.receive(welcome([.chat: 0], epoch: "e2")).map(describe) == ["recovered", "restart e1->e2", "welcome"])
  #expect(tracker.last[.chat] == 0)
}

@Test func resyncHoldsEventsAndReleasesThoseAfterTheSnapshot() {
  var tracker = SequenceTracker(prefixes: [""])
  _ = tracker.receive(welcome([:]))
  _ = tracker.receive(event(.chat, 1))
  tracker.beginResync()
  #expect(run(&tracker, [event(.chat, 3), event(.chat, 4), event(.mod, 1), event(.chat, 5)]).isEmpty)
  let released = tracker.applySnapshot(epoch: "e1", seqs: [.chat: 4, .mod: 0]).map(describe)
  #expect(released == ["mod#1", "chat#5"])
  #expect(run(&tracker, [event(.chat, 6)]) == ["chat#6"])
}

@Test func resyncAcrossARestartTakesTheNewEpoch() {
  var tracker = SequenceTracker(prefixes: [""])
  _ = tracker.receive(event(.chat, 9))
  tracker.beginResync()
  _ = tracker.receive(event(.chat, 1, epoch: "e2"))
  _ = tracker.receive(event(.chat, 2, epoch: "e2"))
  let released = tracker.applySnapshot(epoch: "e2", seqs: [.chat: 1]).map(describe)
  #expect(released == ["chat#2"])
  #expect(tracker.epoch == "e2")
}
