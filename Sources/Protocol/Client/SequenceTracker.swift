import WardenProtocol

/// What a subscriber learns besides events.
public enum SubscriberNotice: Sendable, Equatable {
  /// Events of `stream` numbered `from...to` never arrived.
  case gap(stream: EventStream, from: UInt64, to: UInt64)
  /// The daemon restarted: a new epoch, sequences begin anew.
  case restarted(oldEpoch: String, newEpoch: String)
  /// No heartbeat (nor anything else) for `missed` heartbeat intervals.
  case silent(missed: Int)
  /// The daemon is heard again after silence.
  case recovered
}

/// What the tracker makes of one input: events to hand on and notices to report, in order.
public enum SubscriberOutput: Sendable, Equatable {
  case event(Envelope)
  case notice(SubscriberNotice)
}

/// The subscriber's bookkeeping as a value: epoch, last sequence number per stream, silence, and
/// the buffer used while resynchronising with a snapshot. Pure, so every case has a table test.
///
/// A stream is checked for gaps only once the daemon has welcomed a subscription of ours that
/// covers the whole stream (or a snapshot gave its number): before that, nothing says which
/// events this subscriber was meant to see.
public struct SequenceTracker: Sendable {
  /// Streams whose every event the subscription receives: only those can show gaps.
  public let tracked: Set<EventStream>
  /// The subscription prefixes; a welcome for one of these starts checking the streams it covers.
  public let prefixes: [String]
  public private(set) var epoch: String?
  public private(set) var last: [EventStream: UInt64] = [:]
  public private(set) var isSilent = false
  private var resyncBuffer: [Envelope]?

  /// Tracks the streams that subscriptions to `prefixes` receive whole.
  public init(prefixes: [String]) {
    self.prefixes = prefixes
    self.tracked = Set(
      EventStream.allCases.filter { stream in prefixes.contains { Topic.prefix($0, coversWholeStream: stream) } })
  }

  /// Takes one envelope from the socket.
  public mutating func receive(_ envelope: Envelope) -> [SubscriberOutput] {
    var outputs = heard()
    if let known = epoch, known != envelope.epoch {
      outputs.append(.notice(.restarted(oldEpoch: known, newEpoch: envelope.epoch)))
      last = [:]
      if resyncBuffer != nil { resyncBuffer = [] }
    }
    epoch = envelope.epoch

    switch envelope.type {
    case .welcome:
      if let data = try? envelope.decodeData(WelcomeData.self) {
        outputs += advance(to: data.seqs)
        if prefixes.contains(data.subscription) { start(data.subscription, at: data.seqs) }
      }
      outputs.append(.event(envelope))
    case .heartbeat:
      if let data = try? envelope.decodeData(HeartbeatData.self) { outputs += advance(to: data.seqs) }
      outputs.append(.event(envelope))
    default:
      if resyncBuffer != nil {
        resyncBuffer!.append(envelope)
      } else {
        outputs += sequenced(envelope)
      }
    }
    return outputs
  }

  /// Nothing arrived for `missed` heartbeat intervals.
  public mutating func silence(missed: Int) -> [SubscriberOutput] {
    guard !isSilent else { return [] }
    isSilent = true
    return [.notice(.silent(missed: missed))]
  }

  /// From now on, hold sequenced events until `applySnapshot`.
  public mutating func beginResync() {
    resyncBuffer = []
  }

  /// Takes the snapshot's sequence numbers as the new baseline and releases the held events
  /// that come after it.
  public mutating func applySnapshot(epoch snapshotEpoch: String, seqs: SequenceNumbers) -> [SubscriberOutput] {
    let held = resyncBuffer ?? []
    resyncBuffer = nil
    var outputs: [SubscriberOutput] = []
    if let known = epoch, known != snapshotEpoch {
      outputs.append(.notice(.restarted(oldEpoch: known, newEpoch: snapshotEpoch)))
    }
    epoch = snapshotEpoch
    last = seqs.filter { tracked.contains($0.key) }
    for envelope in held where envelope.epoch == snapshotEpoch {
      if envelope.seq > (seqs[envelope.stream] ?? 0) { outputs += sequenced(envelope) }
    }
    return outputs
  }

  private mutating func heard() -> [SubscriberOutput] {
    guard isSilent else { return [] }
    isSilent = false
    return [.notice(.recovered)]
  }

  /// Our own subscription was welcomed: its streams are checked from the numbers it reports.
  private mutating func start(_ prefix: String, at seqs: SequenceNumbers) {
    for stream in tracked where last[stream] == nil && Topic.prefix(prefix, coversWholeStream: stream) {
      last[stream] = seqs[stream] ?? 0
    }
  }

  private mutating func sequenced(_ envelope: Envelope) -> [SubscriberOutput] {
    let stream = envelope.stream
    guard envelope.seq > 0, let previous = last[stream] else { return [.event(envelope)] }
    if envelope.seq <= previous { return [] }  // already seen (replayed or duplicated)
    last[stream] = envelope.seq
    if envelope.seq > previous + 1 {
      return [.notice(.gap(stream: stream, from: previous + 1, to: envelope.seq - 1)), .event(envelope)]
    }
    return [.event(envelope)]
  }

  /// Welcomes and heartbeats leave after every event they count: a checked stream whose last
  /// number seen is behind theirs lost its latest events.
  private mutating func advance(to seqs: SequenceNumbers) -> [SubscriberOutput] {
    guard resyncBuffer == nil else { return [] }
    var outputs: [SubscriberOutput] = []
    for stream in EventStream.allCases {
      guard let previous = last[stream], let published = seqs[stream], published > previous else { continue }
      outputs.append(.notice(.gap(stream: stream, from: previous + 1, to: published)))
      last[stream] = published
    }
    return outputs
  }
}
