extension ScenarioStep {
  /// `say`, `automod`: one message from one user.
  public struct Say: Sendable, Hashable {
    public var channel: String
    public var user: String
    public var text: String
    /// The label of an earlier message (`id:`) this one replies to.
    public var replyTo: String?
    /// A label other steps can reply to.
    public var label: String?
    /// `/me`.
    public var isAction: Bool
    public var bits: Int

    public init(
      channel: String, user: String, text: String, replyTo: String? = nil, label: String? = nil,
      isAction: Bool = false, bits: Int = 0
    ) {
      self.channel = channel
      self.user = user
      self.text = text
      self.replyTo = replyTo
      self.label = label
      self.isAction = isAction
      self.bits = bits
    }
  }

  /// `chatter`: `rate` messages a second for `duration` seconds, each from a user of the pool
  /// with a line of the pool; some reply to a recent message.
  public struct Chatter: Sendable, Hashable {
    public var channel: String
    /// Logins; empty: every declared user who is no broadcaster.
    public var users: [String]
    public var lines: [String]
    public var replyLines: [String]
    public var rate: Double
    public var duration: Double
    /// Share of messages (0 to 1) that reply to a recent message of the same chatter step.
    public var replyChance: Double

    public init(
      channel: String, users: [String] = [], lines: [String] = TextPools.chatter,
      replyLines: [String] = TextPools.replies, rate: Double = 1, duration: Double, replyChance: Double = 0.1
    ) {
      self.channel = channel
      self.users = users
      self.lines = lines
      self.replyLines = replyLines
      self.rate = rate
      self.duration = duration
      self.replyChance = replyChance
    }
  }

  /// `spam_wave`: `messages` link-spam messages from generated accounts within `over` seconds.
  /// `{link}` in a text becomes one of `links` with a random path; with `lookalikes`, Latin
  /// letters are partly swapped for Cyrillic ones that look the same.
  public struct SpamWave: Sendable, Hashable {
    public var channel: String
    public var accounts: GeneratedAccounts
    public var messages: Int
    public var over: Double
    public var texts: [String]
    public var links: [String]
    public var lookalikes: Bool

    public init(
      channel: String, accounts: GeneratedAccounts, messages: Int, over: Double, texts: [String] = TextPools.spam,
      links: [String] = TextPools.spamLinks, lookalikes: Bool = true
    ) {
      self.channel = channel
      self.accounts = accounts
      self.messages = messages
      self.over = over
      self.texts = texts
      self.links = links
      self.lookalikes = lookalikes
    }
  }

  /// `caps`: a user shouting `count` times within `over` seconds.
  public struct Caps: Sendable, Hashable {
    public var channel: String
    public var user: String
    /// Sent upper-cased; several texts are cycled.
    public var texts: [String]
    public var count: Int
    public var over: Double

    public init(channel: String, user: String, texts: [String] = TextPools.shouting, count: Int = 1, over: Double = 0) {
      self.channel = channel
      self.user = user
      self.texts = texts
      self.count = count
      self.over = over
    }
  }

  /// `copypasta`: one long text from every user of a pool (or of generated accounts) within
  /// `over` seconds.
  public struct Copypasta: Sendable, Hashable {
    public var channel: String
    public var text: String
    public var users: [String]
    public var accounts: GeneratedAccounts
    public var over: Double

    public init(channel: String, text: String, users: [String] = [], accounts: GeneratedAccounts, over: Double) {
      self.channel = channel
      self.text = text
      self.users = users
      self.accounts = accounts
      self.over = over
    }
  }

  /// `slur`: a message carrying an offensive term. `term`, when given, is checked to be in the
  /// text, and names what moderation is expected to catch.
  public struct Slur: Sendable, Hashable {
    public var channel: String
    public var user: String
    public var text: String
    public var term: String?

    public init(channel: String, user: String, text: String, term: String? = nil) {
      self.channel = channel
      self.user = user
      self.text = text
      self.term = term
    }
  }

  /// `raid`: `from` raids the channel with `viewers`; then the generated raiders say one of
  /// `lines` each within `over` seconds (`{from}` is the raiding broadcaster's name).
  public struct Raid: Sendable, Hashable {
    public var channel: String
    public var from: String
    public var viewers: Int
    public var raiders: GeneratedAccounts
    public var lines: [String]
    public var over: Double

    public init(
      channel: String, from: String, viewers: Int, raiders: GeneratedAccounts,
      lines: [String] = TextPools.raidGreetings,
      over: Double
    ) {
      self.channel = channel
      self.from = from
      self.viewers = viewers
      self.raiders = raiders
      self.lines = lines
      self.over = over
    }
  }

  /// `fresh_accounts`: generated accounts created minutes ago join within `over` seconds,
  /// follow if asked, and each says one of `lines`.
  public struct FreshAccounts: Sendable, Hashable {
    public var channel: String
    public var accounts: GeneratedAccounts
    public var lines: [String]
    public var over: Double
    public var follow: Bool

    public init(
      channel: String, accounts: GeneratedAccounts, lines: [String] = TextPools.freshGreetings, over: Double,
      follow: Bool = false
    ) {
      self.channel = channel
      self.accounts = accounts
      self.lines = lines
      self.over = over
      self.follow = follow
    }
  }

  /// `sub` and `resub` USERNOTICEs.
  public struct Subscription: Sendable, Hashable {
    public var channel: String
    public var user: String
    /// IRC `msg-param-sub-plan`: `1000`, `2000`, `3000` or `Prime`.
    public var plan: String
    /// Cumulative months (1 for a new subscription).
    public var months: Int
    /// Months in a row, shared in the message when set.
    public var streak: Int?
    public var text: String?

    public init(
      channel: String, user: String, plan: String = "1000", months: Int = 1, streak: Int? = nil, text: String? = nil
    ) {
      self.channel = channel
      self.user = user
      self.plan = plan
      self.months = months
      self.streak = streak
      self.text = text
    }
  }

  /// `announcement`: a moderator's highlighted message.
  public struct Announcement: Sendable, Hashable {
    public var channel: String
    public var user: String
    public var text: String
    /// `PRIMARY`, `BLUE`, `GREEN`, `ORANGE` or `PURPLE`.
    public var color: String

    public init(channel: String, user: String, text: String, color: String = "PRIMARY") {
      self.channel = channel
      self.user = user
      self.text = text
      self.color = color
    }
  }

  /// `follow`: users follow the channel.
  public struct Follow: Sendable, Hashable {
    public var channel: String
    public var users: [String]

    public init(channel: String, users: [String]) {
      self.channel = channel
      self.users = users
    }
  }

  /// `go_live`: the stream starts (title and game change first when given).
  public struct GoLive: Sendable, Hashable {
    public var channel: String
    public var title: String?
    public var game: String?
    public var viewers: Int

    public init(channel: String, title: String? = nil, game: String? = nil, viewers: Int = 0) {
      self.channel = channel
      self.title = title
      self.game = game
      self.viewers = viewers
    }
  }

  /// `ban` and `timeout` by a moderator of the channel.
  public struct Moderation: Sendable, Hashable {
    public var channel: String
    public var moderator: String
    public var user: String
    public var reason: String
    /// Seconds, for a timeout; `nil` for a ban.
    public var duration: Int?

    public init(channel: String, moderator: String, user: String, reason: String = "", duration: Int? = nil) {
      self.channel = channel
      self.moderator = moderator
      self.user = user
      self.reason = reason
      self.duration = duration
    }
  }

  /// `chat_settings`: modes switched on or off.
  public struct ChatSettingsStep: Sendable, Hashable {
    public var channel: String
    /// Who changes them (a moderator or the broadcaster).
    public var moderator: String
    public var changes: [ChatSettingChange]

    public init(channel: String, moderator: String, changes: [ChatSettingChange]) {
      self.channel = channel
      self.moderator = moderator
      self.changes = changes
    }
  }

  /// `flood`: `rate` IRC lines a second for `duration` seconds, from generated accounts, sent
  /// straight to the IRC clients (see `FloodDriver`).
  public struct Flood: Sendable, Hashable {
    public var channel: String
    public var rate: Int
    public var duration: Double
    public var accounts: GeneratedAccounts
    public var lines: [String]

    public init(channel: String, rate: Int, duration: Double, accounts: GeneratedAccounts, lines: [String]) {
      self.channel = channel
      self.rate = rate
      self.duration = duration
      self.accounts = accounts
      self.lines = lines
    }
  }
}
