import WardenProtocol

/// Publishes a moderation event seen on both IRC and EventSub once.
///
/// IRC reports deletions, clears, bans, timeouts and mode changes without naming the moderator;
/// EventSub's `channel.moderate` names them. While both connections cover a channel, the first
/// report is held for `window` waiting for its twin: when it comes, one event is published with
/// EventSub's members, what only IRC knew, and `source: both`; if not, the lone report is
/// published when the window ends. A report that arrives after its twin was published is
/// dropped. Other events pass through.
///
/// A value: every input carries `now`; the caller publishes what the methods return and calls
/// `expire` periodically.
public struct CrossSourceMerger: Sendable {
  /// What identifies one moderation action across sources.
  struct Key: Hashable, Sendable {
    var kind: String
    var channelID: String
    var subject: String
  }

  private struct Held: Sendable {
    var event: GatewayEvent
    var deadline: ContinuousClock.Instant
  }

  public let window: Duration
  private var held: [Key: Held] = [:]
  private var heldOrder: [Key] = []
  /// Keys published recently, with when they stop mattering.
  private var published: [Key: ContinuousClock.Instant] = [:]

  public init(window: Duration) {
    self.window = window
  }

  /// Events held now.
  public var heldCount: Int { held.count }

  /// Takes one event. `twinExpected` says whether the other connection reports this event's
  /// channel now (EventSub's moderation subscription for an IRC event; the IRC join for an
  /// EventSub event): only then is the event held for its twin. Returns the events to publish
  /// now.
  public mutating func receive(
    _ event: GatewayEvent, twinExpected: Bool, now: ContinuousClock.Instant
  ) -> [GatewayEvent] {
    guard let key = Self.key(event), let source = Self.source(event) else { return [event] }
    if let until = published[key], until > now { return [] }
    if let twin = held[key], Self.source(twin.event) != source {
      held[key] = nil
      heldOrder.removeAll { $0 == key }
      published[key] = now + window
      return [source == .irc ? Self.merge(twin.event, with: event) : Self.merge(event, with: twin.event)]
    }
    guard twinExpected, window > .zero else {
      published[key] = now + window
      return [event]
    }
    if held[key] == nil { heldOrder.append(key) }
    held[key] = Held(event: event, deadline: now + window)
    return []
  }

  /// The held events whose window ended, oldest first; forgets old publications.
  public mutating func expire(now: ContinuousClock.Instant) -> [GatewayEvent] {
    var due: [GatewayEvent] = []
    while let key = heldOrder.first, let entry = held[key], entry.deadline <= now {
      heldOrder.removeFirst()
      held[key] = nil
      published[key] = now + window
      due.append(entry.event)
    }
    if published.count > 64 || !published.isEmpty && due.isEmpty {
      published = published.filter { $0.value > now }
    }
    return due
  }

  /// Every held event at once (shutdown).
  public mutating func flush() -> [GatewayEvent] {
    let events = heldOrder.compactMap { held[$0]?.event }
    held = [:]
    heldOrder = []
    return events
  }

  static func key(_ event: GatewayEvent) -> Key? {
    switch event {
    case .chatDelete(let data): Key(kind: "delete", channelID: data.channel.id, subject: data.messageID)
    case .chatClear(let data): Key(kind: "clear", channelID: data.channel.id, subject: "")
    case .ban(let data): Key(kind: "ban", channelID: data.channel.id, subject: data.user.login.lowercased())
    case .timeout(let data): Key(kind: "timeout", channelID: data.channel.id, subject: data.user.login.lowercased())
    case .mode(let data):
      Key(kind: "mode", channelID: data.channel.id, subject: "\(data.mode.rawValue):\(data.enabled)")
    default: nil
    }
  }

  static func source(_ event: GatewayEvent) -> EventSource? {
    switch event {
    case .chatDelete(let data): data.source
    case .chatClear(let data): data.source
    case .ban(let data): data.source
    case .timeout(let data): data.source
    case .mode(let data): data.source
    default: nil
    }
  }

  /// The EventSub version, marked `both`, with what only IRC knew filled in.
  static func merge(_ eventSub: GatewayEvent, with irc: GatewayEvent) -> GatewayEvent {
    switch (eventSub, irc) {
    case (.chatDelete(var data), .chatDelete(let other)):
      data.source = .both
      data.text = data.text ?? other.text
      data.twitchTS = other.twitchTS ?? data.twitchTS
      return .chatDelete(data)
    case (.chatClear(var data), .chatClear(let other)):
      data.source = .both
      data.twitchTS = other.twitchTS ?? data.twitchTS
      return .chatClear(data)
    case (.ban(var data), .ban(let other)):
      data.source = .both
      data.twitchTS = other.twitchTS ?? data.twitchTS
      return .ban(data)
    case (.timeout(var data), .timeout(let other)):
      data.source = .both
      data.durationS = other.durationS
      data.endsAt = data.endsAt ?? other.endsAt
      data.twitchTS = other.twitchTS ?? data.twitchTS
      return .timeout(data)
    case (.mode(var data), .mode(let other)):
      data.source = .both
      data.durationS = data.durationS ?? other.durationS
      return .mode(data)
    default:
      return eventSub
    }
  }
}
