/// One thing that happens in a scenario's timeline. Each case is a key in the YAML entry
/// (`say:`, `spam_wave:` …); `ScenarioRunner` performs it against the world.
public enum ScenarioStep: Sendable, Hashable {
  /// One message, optionally a reply to a labelled earlier one.
  case say(Say)
  /// Background chat: a pool of users posting ordinary lines at a rate for a while.
  case chatter(Chatter)
  /// Link spam from generated accounts, with lookalike letters (Cyrillic а, е, о …).
  case spamWave(SpamWave)
  /// Shouting in capitals.
  case caps(Caps)
  /// The same long text from many users within seconds.
  case copypasta(Copypasta)
  /// A message with an offensive term that moderation should catch.
  case slur(Slur)
  /// A raid from another broadcaster, then raiders saying hi.
  case raid(Raid)
  /// A burst of accounts created minutes ago joining and chatting (a viewer-bot wave).
  case freshAccounts(FreshAccounts)
  case sub(Subscription)
  case resub(Subscription)
  case announcement(Announcement)
  case follow(Follow)
  case goLive(GoLive)
  case goOffline(channel: String)
  /// A message that AutoMod holds (it contains one of the channel's AutoMod or blocked terms).
  case automod(Say)
  /// A moderator bans a user (human moderation in the scenario).
  case ban(Moderation)
  /// A moderator times a user out.
  case timeout(Moderation)
  /// A moderator (or the broadcaster) changes chat settings.
  case chatSettings(ChatSettingsStep)
  /// Lines pushed straight to IRC clients at a high rate, bypassing the world (needs a sink).
  case flood(Flood)

  /// The key naming the step in YAML.
  public var kind: String {
    switch self {
    case .say: "say"
    case .chatter: "chatter"
    case .spamWave: "spam_wave"
    case .caps: "caps"
    case .copypasta: "copypasta"
    case .slur: "slur"
    case .raid: "raid"
    case .freshAccounts: "fresh_accounts"
    case .sub: "sub"
    case .resub: "resub"
    case .announcement: "announcement"
    case .follow: "follow"
    case .goLive: "go_live"
    case .goOffline: "go_offline"
    case .automod: "automod"
    case .ban: "ban"
    case .timeout: "timeout"
    case .chatSettings: "chat_settings"
    case .flood: "flood"
    }
  }

  /// The channel (broadcaster login) the step happens in.
  public var channel: String {
    switch self {
    case .say(let step), .automod(let step): step.channel
    case .chatter(let step): step.channel
    case .spamWave(let step): step.channel
    case .caps(let step): step.channel
    case .copypasta(let step): step.channel
    case .slur(let step): step.channel
    case .raid(let step): step.channel
    case .freshAccounts(let step): step.channel
    case .sub(let step), .resub(let step): step.channel
    case .announcement(let step): step.channel
    case .follow(let step): step.channel
    case .goLive(let step): step.channel
    case .goOffline(let channel): channel
    case .ban(let step), .timeout(let step): step.channel
    case .chatSettings(let step): step.channel
    case .flood(let step): step.channel
    }
  }

  /// Seconds the step takes once started (0 for instant ones).
  public var span: Double {
    switch self {
    case .chatter(let step): step.duration
    case .spamWave(let step): step.over
    case .caps(let step): step.over
    case .copypasta(let step): step.over
    case .raid(let step): step.over
    case .freshAccounts(let step): step.over
    case .flood(let step): step.duration
    default: 0
    }
  }

  /// The accounts the runner generates for this step when the scenario is loaded.
  public var generatedAccounts: GeneratedAccounts? {
    switch self {
    case .spamWave(let step): step.accounts
    case .copypasta(let step): step.users.isEmpty ? step.accounts : nil
    case .raid(let step): step.raiders
    case .freshAccounts(let step): step.accounts
    case .flood(let step): step.accounts
    default: nil
    }
  }
}

/// Accounts a step brings along, made up when the scenario is loaded.
public struct GeneratedAccounts: Sendable, Hashable {
  /// How generated logins look.
  public enum LoginStyle: Sendable, Hashable {
    /// `cozyotter4821`: people.
    case human
    /// `qzvtrme83920`: throwaway accounts.
    case bot
    /// `<prefix>_4821`.
    case prefixed(String)
  }

  public var count: Int
  /// The newest of them was created this long ago …
  public var age: AccountAge
  /// … and the others up to this many seconds before it (a small spread: creation dates
  /// clustered, the viewer-bot signature).
  public var spreadSeconds: Double
  public var style: LoginStyle

  public init(count: Int, age: AccountAge, spreadSeconds: Double, style: LoginStyle) {
    self.count = count
    self.age = age
    self.spreadSeconds = spreadSeconds
    self.style = style
  }
}
