import Yams

/// Timeline entries and their steps.
extension ScenarioParser {
  static let stepKinds = [
    "say", "chatter", "spam_wave", "caps", "copypasta", "slur", "raid", "fresh_accounts", "sub", "resub",
    "announcement", "follow", "go_live", "go_offline", "automod", "ban", "timeout", "chat_settings", "flood",
  ]

  mutating func entry(_ node: Node) throws(ScenarioError) -> TimelineEntry {
    let fields = try YAMLFields(
      node, "timeline entry", allowed: ["at", "every", "repeat"] + Self.stepKinds, source: source)
    let kinds = Self.stepKinds.filter { fields.keyNode($0) != nil }
    guard kinds.count == 1, let kind = kinds.first else {
      let found = kinds.isEmpty ? "none" : kinds.joined(separator: " and ")
      throw fields.error(
        .badValue, at: kinds.count > 1 ? fields.keyNode(kinds[1]) : node,
        "a timeline entry has exactly one step (\(Self.stepKinds.joined(separator: ", "))); found \(found)")
    }
    guard let at = try fields.double("at", in: 0...1e9) else { throw fields.missing("at") }
    let every = try fields.double("every", in: 0.001...1e9)
    let repeatCount = try fields.int("repeat", in: 1...1_000_000)
    if repeatCount != nil && every == nil {
      throw fields.error(.badValue, at: fields.value("repeat"), "'repeat' needs 'every' (seconds between repetitions)")
    }
    if every != nil && repeatCount == nil && duration == nil {
      throw fields.error(
        .badValue, at: fields.value("every"),
        "'every' without 'repeat' repeats until the scenario's 'duration', which is not set")
    }
    let stepNode = fields.value(kind) ?? .mapping(.init([], .implicit, .any, fields.keyNode(kind)?.mark))
    let step = try self.step(kind, stepNode)
    return TimelineEntry(at: at, every: every, repeatCount: repeatCount, step: step, line: node.mark?.line)
  }

  mutating func step(_ kind: String, _ node: Node) throws(ScenarioError) -> ScenarioStep {
    func fields(_ keys: [String]) throws(ScenarioError) -> YAMLFields {
      try YAMLFields(node, "\(kind) step", allowed: ["channel"] + keys, source: source)
    }
    switch kind {
    case "say":
      let f = try fields(["user", "text", "reply_to", "id", "action", "bits"])
      var say = ScenarioStep.Say(channel: try channel(f), user: try user(f, "user"), text: try text(f, "text"))
      say.isAction = try f.bool("action") ?? false
      say.bits = try f.int("bits", in: 0...1_000_000) ?? 0
      if let label = try f.string("id") {
        labels.insert(label)
        say.label = label
      }
      if let label = try f.string("reply_to"), let node = f.value("reply_to") {
        replies.append((label, node))
        say.replyTo = label
      }
      return .say(say)
    case "automod":
      let f = try fields(["user", "text"])
      let channel = try channel(f)
      let text = try text(f, "text")
      let declared = try declaredChannel(channel, at: f.value("channel"))
      let lowered = text.lowercased()
      guard
        declared.automodTerms.contains(where: lowered.contains)
          || declared.blockedTerms.contains(where: { lowered.contains($0.lowercased()) })
      else {
        throw f.error(
          .badValue, at: f.value("text"),
          "AutoMod would not hold this text: it has none of channel '\(channel)''s automod_terms or blocked_terms")
      }
      return .automod(.init(channel: channel, user: try user(f, "user"), text: text))
    case "chatter":
      let f = try fields(["users", "lines", "reply_lines", "rate", "duration", "reply_chance"])
      guard let duration = try f.double("duration", in: 0.001...1e7) else { throw f.missing("duration") }
      return .chatter(
        .init(
          channel: try channel(f), users: try users(f, "users") ?? [],
          lines: try f.nonEmptyStrings("lines") ?? TextPools.chatter,
          replyLines: try f.nonEmptyStrings("reply_lines") ?? TextPools.replies,
          rate: try f.double("rate", in: 0.001...10_000) ?? 1,
          duration: duration, replyChance: try f.double("reply_chance", in: 0...1) ?? 0.1))
    case "spam_wave":
      let f = try fields([
        "accounts", "messages", "over", "texts", "links", "lookalikes", "created_days_ago", "created_minutes_ago",
        "login_prefix",
      ])
      let accounts = try generated(f, count: "accounts", default: 8, age: .daysAgo(2), spread: 2 * 86_400, style: .bot)
      return .spamWave(
        .init(
          channel: try channel(f), accounts: accounts,
          messages: try f.int("messages", in: 1...100_000) ?? accounts.count,
          over: try f.double("over", in: 0...86_400) ?? 6, texts: try f.nonEmptyStrings("texts") ?? TextPools.spam,
          links: try f.nonEmptyStrings("links") ?? TextPools.spamLinks, lookalikes: try f.bool("lookalikes") ?? true))
    case "caps":
      let f = try fields(["user", "text", "count", "over"])
      return .caps(
        .init(
          channel: try channel(f), user: try user(f, "user"),
          texts: try f.nonEmptyStrings("text") ?? TextPools.shouting,
          count: try f.int("count", in: 1...10_000) ?? 1, over: try f.double("over", in: 0...86_400) ?? 0))
    case "copypasta":
      let f = try fields(["text", "users", "accounts", "over", "created_days_ago", "login_prefix"])
      let users = try users(f, "users") ?? []
      if !users.isEmpty && f.has("accounts") {
        throw f.error(.badValue, at: f.value("accounts"), "give either 'users' or 'accounts', not both")
      }
      return .copypasta(
        .init(
          channel: try channel(f), text: try text(f, "text"), users: users,
          accounts: try generated(
            f, count: "accounts", default: 12, age: .daysAgo(30), spread: 1500 * 86_400, style: .human),
          over: try f.double("over", in: 0...86_400) ?? 5))
    case "slur":
      let f = try fields(["user", "text", "term"])
      let text = try text(f, "text")
      let term = try f.string("term")
      if let term, !text.lowercased().contains(term.lowercased()) {
        throw f.error(.badValue, at: f.value("term"), "the text does not contain the term '\(term)'")
      }
      return .slur(.init(channel: try channel(f), user: try user(f, "user"), text: text, term: term))
    case "raid":
      let f = try fields(["from", "viewers", "raiders", "lines", "over"])
      let from = try user(f, "from")
      let viewers = try f.int("viewers", in: 1...1_000_000) ?? 40
      return .raid(
        .init(
          channel: try channel(f), from: from, viewers: viewers,
          raiders: try generated(
            f, count: "raiders", default: min(viewers, 12), age: .daysAgo(60), spread: 2500 * 86_400, style: .human),
          lines: try f.nonEmptyStrings("lines") ?? TextPools.raidGreetings,
          over: try f.double("over", in: 0...86_400) ?? 10))
    case "fresh_accounts":
      let f = try fields(["count", "created_minutes_ago", "spread_minutes", "lines", "over", "follow", "login_prefix"])
      var accounts = try generated(f, count: "count", default: 15, age: .minutesAgo(10), spread: 180, style: .bot)
      accounts.spreadSeconds = (try f.double("spread_minutes", in: 0...10_000) ?? 3) * 60
      return .freshAccounts(
        .init(
          channel: try channel(f), accounts: accounts,
          lines: try f.nonEmptyStrings("lines") ?? TextPools.freshGreetings,
          over: try f.double("over", in: 0...86_400) ?? 15, follow: try f.bool("follow") ?? false))
    case "sub", "resub":
      let f = try fields(kind == "sub" ? ["user", "tier", "text"] : ["user", "tier", "text", "months", "streak"])
      var sub = ScenarioStep.Subscription(channel: try channel(f), user: try user(f, "user"), plan: try plan(f))
      sub.text = try f.string("text")
      if kind == "resub" {
        guard let months = try f.int("months", in: 2...1200) else { throw f.missing("months") }
        sub.months = months
        sub.streak = try f.int("streak", in: 1...months)
        return .resub(sub)
      }
      return .sub(sub)
    case "announcement":
      let f = try fields(["user", "text", "color"])
      let channel = try channel(f)
      let color = (try f.string("color") ?? "primary").uppercased()
      guard ["PRIMARY", "BLUE", "GREEN", "ORANGE", "PURPLE"].contains(color) else {
        throw f.error(.badValue, at: f.value("color"), "color is primary, blue, green, orange or purple")
      }
      return .announcement(
        .init(channel: channel, user: try moderator(f, "user", of: channel), text: try text(f, "text"), color: color))
    case "follow":
      let f = try fields(["user", "users"])
      var users = try self.users(f, "users") ?? []
      if f.has("user") { users.append(try user(f, "user")) }
      guard !users.isEmpty else { throw f.missing("user") }
      return .follow(.init(channel: try channel(f), users: users))
    case "go_live":
      let f = try fields(["title", "game", "viewers"])
      return .goLive(
        .init(
          channel: try channel(f), title: try f.string("title"), game: try f.string("game"),
          viewers: try f.int("viewers", in: 0...10_000_000) ?? 0))
    case "go_offline":
      return .goOffline(channel: try channel(try fields([])))
    case "ban", "timeout":
      let f = try fields(
        kind == "ban" ? ["moderator", "user", "reason"] : ["moderator", "user", "reason", "duration"])
      let channel = try channel(f)
      let moderation = ScenarioStep.Moderation(
        channel: channel, moderator: try moderator(f, "moderator", of: channel), user: try user(f, "user"),
        reason: try f.string("reason") ?? "",
        duration: kind == "timeout" ? try f.int("duration", in: 1...1_209_600) ?? 600 : nil)
      if moderation.user == channel || isModerator(moderation.user, of: channel) && moderation.moderator != channel {
        throw f.error(
          .badValue, at: f.value("user"), "Twitch does not let '\(moderation.moderator)' \(kind) '\(moderation.user)'")
      }
      return kind == "ban" ? .ban(moderation) : .timeout(moderation)
    case "chat_settings":
      let f = try fields(["moderator"] + Self.chatKeys)
      let channel = try channel(f)
      let changes = try chatChanges(f)
      guard !changes.isEmpty else {
        throw f.error(
          .missingKey, at: node, "chat_settings needs at least one of \(Self.chatKeys.joined(separator: ", "))")
      }
      let moderator = f.has("moderator") ? try moderator(f, "moderator", of: channel) : channel
      return .chatSettings(.init(channel: channel, moderator: moderator, changes: changes))
    default:
      let f = try fields(["rate", "duration", "accounts", "lines"])
      guard let rate = try f.int("rate", in: 1...10_000_000) else { throw f.missing("rate") }
      guard let duration = try f.double("duration", in: 0.001...3600) else { throw f.missing("duration") }
      return .flood(
        .init(
          channel: try channel(f), rate: rate, duration: duration,
          accounts: try generated(
            f, count: "accounts", default: 100, age: .daysAgo(1), spread: 300 * 86_400, style: .human),
          lines: try f.nonEmptyStrings("lines") ?? TextPools.chatter))
    }
  }

  // MARK: Step values

  /// The step's channel, or the first channel declared.
  func channel(_ fields: YAMLFields) throws(ScenarioError) -> String {
    if let login = try fields.string("channel") {
      return try declaredChannel(login, at: fields.value("channel")).broadcaster
    }
    guard let first = channels.first else {
      throw fields.error(.missingKey, at: fields.node, "\(fields.context) needs a channel, and none is declared")
    }
    return first.broadcaster
  }

  func user(_ fields: YAMLFields, _ key: String) throws(ScenarioError) -> String {
    guard let login = try fields.string(key) else { throw fields.missing(key) }
    return try declaredUser(login, at: fields.value(key), key)
  }

  func users(_ fields: YAMLFields, _ key: String) throws(ScenarioError) -> [String]? {
    guard let logins = try fields.strings(key) else { return nil }
    var items: [Node] = []
    if case .sequence(let sequence) = fields.value(key) { items = Array(sequence) }
    var checked: [String] = []
    for (index, login) in logins.enumerated() {
      let node = index < items.count ? items[index] : fields.value(key)
      checked.append(try declaredUser(login, at: node, "user"))
    }
    return checked
  }

  func moderator(_ fields: YAMLFields, _ key: String, of channel: String) throws(ScenarioError) -> String {
    let login = try user(fields, key)
    guard isModerator(login, of: channel) else {
      throw fields.error(
        .badValue, at: fields.value(key),
        "'\(login)' is not a moderator of '\(channel)'; give them `roles: { \(channel): moderator }`")
    }
    return login
  }

  /// A chat message text: 1 to 500 characters, as Twitch allows.
  func text(_ fields: YAMLFields, _ key: String) throws(ScenarioError) -> String {
    let text = try fields.requiredString(key)
    guard text.count <= 500 else {
      throw fields.error(.badValue, at: fields.value(key), "the text has \(text.count) characters; Twitch allows 500")
    }
    return text
  }

  /// `tier: 1 | 2 | 3 | prime` → IRC's sub plan.
  func plan(_ fields: YAMLFields) throws(ScenarioError) -> String {
    switch (try fields.string("tier") ?? "1").lowercased() {
    case "1", "1000": return "1000"
    case "2", "2000": return "2000"
    case "3", "3000": return "3000"
    case "prime": return "Prime"
    default: throw fields.error(.badValue, at: fields.value("tier"), "tier is 1, 2, 3 or prime")
    }
  }

  func generated(
    _ fields: YAMLFields, count key: String, default count: Int, age: AccountAge, spread: Double,
    style: GeneratedAccounts.LoginStyle
  ) throws(ScenarioError) -> GeneratedAccounts {
    var style = style
    if let prefix = try fields.string("login_prefix") {
      guard (1...18).contains(prefix.utf8.count), prefix.lowercased().utf8.allSatisfy(Self.isLoginByte) else {
        throw fields.error(
          .badValue, at: fields.value("login_prefix"), "login_prefix must be 1 to 18 of a-z, 0-9 and _")
      }
      style = .prefixed(prefix.lowercased())
    }
    return GeneratedAccounts(
      count: try fields.int(key, in: 1...100_000) ?? count,
      age: try self.age(fields, days: "created_days_ago", minutes: "created_minutes_ago") ?? age,
      spreadSeconds: spread, style: style)
  }
}
