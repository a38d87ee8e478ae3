import Foundation
import TwitchSimCore

/// A scripted stretch of a Twitch stream: the accounts, channels, apps and tokens that exist
/// before it starts, and a timeline of what happens in chat. Scenarios are YAML files (see
/// `Scenario.parse(yaml:source:)` for the format); `ScenarioRunner` plays them against a
/// `SimWorld`.
public struct Scenario: Sendable, Hashable {
  /// A short name for logs.
  public var name: String
  public var description: String
  /// Seeds every random choice (which user says which line, generated logins, jitter), so a
  /// scenario plays the same way each time.
  public var seed: UInt64
  /// Seconds one pass lasts; `nil`: until the last step ends. A looping run restarts after it.
  public var duration: Double?
  public var users: [ScenarioUser]
  public var channels: [ScenarioChannel]
  public var apps: [ScenarioApp]
  public var tokens: [ScenarioToken]
  public var timeline: [TimelineEntry]
  /// The file (or name) it was read from.
  public var source: String

  public init(
    name: String, description: String = "", seed: UInt64 = 1, duration: Double? = nil, users: [ScenarioUser] = [],
    channels: [ScenarioChannel] = [], apps: [ScenarioApp] = [], tokens: [ScenarioToken] = [],
    timeline: [TimelineEntry] = [], source: String = "scenario"
  ) {
    self.name = name
    self.description = description
    self.seed = seed
    self.duration = duration
    self.users = users
    self.channels = channels
    self.apps = apps
    self.tokens = tokens
    self.timeline = timeline
    self.source = source
  }

  /// Seconds one pass lasts: `duration`, or when the last occurrence of the last step ends.
  public var passDuration: Double {
    if let duration { return duration }
    return timeline.map { entry in
      (entry.occurrences(within: nil).last ?? entry.at) + entry.step.span
    }.max() ?? 0
  }
}

/// An account the scenario creates.
public struct ScenarioUser: Sendable, Hashable {
  public var login: String
  public var displayName: String?
  public var created: AccountAge
  /// `#RRGGBB`, or `nil` for none chosen.
  public var color: String?
  /// `""`, `affiliate` or `partner`.
  public var broadcasterType: String
  /// Roles by channel (broadcaster login).
  public var roles: [String: RoleGrant]

  public init(
    login: String, displayName: String? = nil, created: AccountAge = .standard, color: String? = nil,
    broadcasterType: String = "", roles: [String: RoleGrant] = [:]
  ) {
    self.login = login
    self.displayName = displayName
    self.created = created
    self.color = color
    self.broadcasterType = broadcasterType
    self.roles = roles
  }
}

/// When an account was created, absolutely or relative to when the scenario is loaded.
public enum AccountAge: Sendable, Hashable {
  case date(Date)
  case daysAgo(Double)
  case minutesAgo(Double)

  /// Accounts that say nothing about their age are a year old.
  public static let standard = AccountAge.daysAgo(365)

  /// The creation time for a scenario loaded at `now`.
  public func date(relativeTo now: Date) -> Date {
    switch self {
    case .date(let date): date
    case .daysAgo(let days): now.addingTimeInterval(-days * 86_400)
    case .minutesAgo(let minutes): now.addingTimeInterval(-minutes * 60)
    }
  }
}

/// A user's roles in one channel.
public struct RoleGrant: Sendable, Hashable {
  public var moderator: Bool
  public var vip: Bool
  /// Cumulative subscription months; `nil` for none.
  public var subscriberMonths: Int?

  public init(moderator: Bool = false, vip: Bool = false, subscriberMonths: Int? = nil) {
    self.moderator = moderator
    self.vip = vip
    self.subscriberMonths = subscriberMonths
  }
}

/// A channel the scenario opens, with its state before the timeline starts.
public struct ScenarioChannel: Sendable, Hashable {
  /// The broadcaster's login (a declared user).
  public var broadcaster: String
  public var title: String?
  public var game: String?
  public var gameID: String?
  public var language: String?
  /// Live when loaded (a `stream.online` at load time).
  public var live: Bool
  public var viewers: Int
  /// Chat settings changed from Twitch's defaults.
  public var chat: [ChatSettingChange]
  /// Words that make AutoMod hold a message.
  public var automodTerms: [String]
  public var blockedTerms: [String]
  /// Login → `active_monitoring` or `restricted`.
  public var suspiciousUsers: [String: String]

  public init(
    broadcaster: String, title: String? = nil, game: String? = nil, gameID: String? = nil, language: String? = nil,
    live: Bool = false, viewers: Int = 0, chat: [ChatSettingChange] = [], automodTerms: [String] = [],
    blockedTerms: [String] = [], suspiciousUsers: [String: String] = [:]
  ) {
    self.broadcaster = broadcaster
    self.title = title
    self.game = game
    self.gameID = gameID
    self.language = language
    self.live = live
    self.viewers = viewers
    self.chat = chat
    self.automodTerms = automodTerms
    self.blockedTerms = blockedTerms
    self.suspiciousUsers = suspiciousUsers
  }
}

/// One chat setting set to a value; `nil` turns a mode with a duration off.
public enum ChatSettingChange: Sendable, Hashable {
  case emoteOnly(Bool)
  case followersOnly(minutes: Int?)
  case slow(seconds: Int?)
  case subscribersOnly(Bool)
  case uniqueChat(Bool)
  case nonModeratorDelay(seconds: Int?)

  public func apply(to settings: inout ChatSettings) {
    switch self {
    case .emoteOnly(let on): settings.emoteMode = on
    case .followersOnly(let minutes): settings.followerModeDuration = minutes
    case .slow(let seconds): settings.slowModeWaitTime = seconds
    case .subscribersOnly(let on): settings.subscriberMode = on
    case .uniqueChat(let on): settings.uniqueChatMode = on
    case .nonModeratorDelay(let seconds): settings.nonModeratorChatDelayDuration = seconds
    }
  }
}

/// An application (client id) the scenario registers.
public struct ScenarioApp: Sendable, Hashable {
  public var clientID: String
  /// `nil` for a public client (device code flow).
  public var secret: String?
  public var name: String

  public init(clientID: String, secret: String?, name: String) {
    self.clientID = clientID
    self.secret = secret
    self.name = name
  }
}

/// A token the scenario mints when loaded; the runner hands it back in `ScenarioSetup`.
public struct ScenarioToken: Sendable, Hashable {
  /// How the token is known in the setup (default: the user's login, or `app:<client id>`).
  public var name: String
  public var clientID: String
  /// `nil` for an app access token.
  public var user: String?
  public var scopes: [String]
  /// Seconds the token lives; `nil`: the world's default.
  public var lifetime: Double?

  public init(name: String, clientID: String, user: String?, scopes: [String], lifetime: Double? = nil) {
    self.name = name
    self.clientID = clientID
    self.user = user
    self.scopes = scopes
    self.lifetime = lifetime
  }
}

/// A step at an offset in the timeline, optionally repeated.
public struct TimelineEntry: Sendable, Hashable {
  /// Seconds from the start of the pass.
  public var at: Double
  /// Seconds between repetitions; `nil` for once.
  public var every: Double?
  /// How many times in all, with `every`; `nil`: until the scenario's `duration`.
  public var repeatCount: Int?
  public var step: ScenarioStep
  /// Where the entry is in the file (for logs).
  public var line: Int?

  public init(at: Double, every: Double? = nil, repeatCount: Int? = nil, step: ScenarioStep, line: Int? = nil) {
    self.at = at
    self.every = every
    self.repeatCount = repeatCount
    self.step = step
    self.line = line
  }

  /// Start offsets of each occurrence in one pass lasting `duration` seconds (`nil`: unbounded,
  /// so only `repeatCount` limits a repeating entry).
  public func occurrences(within duration: Double?) -> [Double] {
    guard let every, every > 0 else { return [at] }
    let limit = repeatCount ?? (duration == nil ? 1 : Int.max)
    var times = [at]
    while times.count < limit {
      let next = at + Double(times.count) * every
      if let duration, next >= duration { break }
      times.append(next)
    }
    return times
  }
}
