import WardenGateway
import WardenProtocol

/// What the gateway knows, behind one lock: the mappers, the merger, the channels and their ids,
/// users seen in chat, connection states, EventSub coverage and causes awaiting their events.
struct GatewayState: Sendable {
  var mapper = IRCEventMapper()
  var merger: CrossSourceMerger
  /// The channels watched, in the order they were added.
  var channels: [String]
  /// Channel ids by login, from `ROOMSTATE`, chat and Helix.
  var channelIDs: [String: String] = [:]
  /// Users seen in chat or looked up, by login, with their ids.
  var users: [String: TwitchUser] = [:]
  /// The last report of every connection, by `transport:number`.
  var connections: [String: ConnectionData] = [:]
  /// Channels IRC has joined (a `ROOMSTATE` came) on a connection that is up.
  var ircJoined: Set<String> = []
  /// Channel ids whose moderation EventSub reports now.
  var eventSubModeration: Set<String> = []
  /// EventSub subscription ids by channel id.
  var subscriptions: [String: [String]] = [:]
  /// The session EventSub runs on now, when welcomed.
  var eventSubSession: String?
  /// A command's id, waiting for the event its action causes.
  var causes: [CauseKey: (id: String, until: ContinuousClock.Instant)] = [:]
  /// A login in progress.
  var pendingLogin: AuthLoginResult?
  /// Why the last login failed, until the next one starts.
  var loginError: String?

  static let userCacheLimit = 200_000

  init(channels: [String], window: Duration) {
    self.channels = channels
    merger = CrossSourceMerger(window: window)
  }

  /// Remembers the ids an event reveals.
  mutating func learn(from event: GatewayEvent) {
    let channel = event.channel
    if !channel.id.isEmpty, channelIDs[channel.login] == nil { channelIDs[channel.login] = channel.id }
    if case .chatMessage(let data) = event, data.user.id != nil, users[data.user.login] == nil {
      if users.count >= Self.userCacheLimit { users.removeAll(keepingCapacity: true) }
      users[data.user.login] = data.user
    }
  }

  /// Takes the events one Twitch message stands for, from `source`, and returns those ready to
  /// publish with the command that caused each. An event is held for its twin from the other
  /// connection when that connection covers the channel now.
  mutating func admit(
    _ events: [GatewayEvent], from source: GatewayTransport, now: ContinuousClock.Instant
  ) -> [(GatewayEvent, String?)] {
    var out: [(GatewayEvent, String?)] = []
    for event in events {
      learn(from: event)
      let twinExpected =
        source == .irc
        ? eventSubModeration.contains(event.channel.id) : ircJoined.contains(event.channel.login)
      for ready in merger.receive(event, twinExpected: twinExpected, now: now) {
        out.append((ready, takeCause(for: ready, now: now)))
      }
    }
    return out
  }

  /// The held events whose wait for a twin is over, with their causes.
  mutating func expireHeld(now: ContinuousClock.Instant) -> [(GatewayEvent, String?)] {
    merger.expire(now: now).map { ($0, takeCause(for: $0, now: now)) }
  }

  /// What links a command to the event Twitch sends back for it.
  struct CauseKey: Hashable, Sendable {
    var kind: String
    var channelID: String
    var subject: String
  }

  static func causeKey(_ event: GatewayEvent) -> CauseKey? {
    switch event {
    case .ban(let data): CauseKey(kind: "ban", channelID: data.channel.id, subject: data.user.login)
    case .timeout(let data): CauseKey(kind: "timeout", channelID: data.channel.id, subject: data.user.login)
    case .unban(let data): CauseKey(kind: "unban", channelID: data.channel.id, subject: data.user.login)
    case .warn(let data): CauseKey(kind: "warn", channelID: data.channel.id, subject: data.user.login)
    case .chatDelete(let data): CauseKey(kind: "delete", channelID: data.channel.id, subject: data.messageID)
    case .chatClear(let data): CauseKey(kind: "clear", channelID: data.channel.id, subject: "")
    case .mode(let data): CauseKey(kind: "mode", channelID: data.channel.id, subject: data.mode.rawValue)
    default: nil
    }
  }

  /// The command that caused `event`, if one is waiting for it.
  mutating func takeCause(for event: GatewayEvent, now: ContinuousClock.Instant) -> String? {
    guard !causes.isEmpty, let key = Self.causeKey(event), let entry = causes.removeValue(forKey: key) else {
      return nil
    }
    return entry.until > now ? entry.id : nil
  }

}
