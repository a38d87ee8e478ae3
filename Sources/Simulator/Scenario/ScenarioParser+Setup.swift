import Foundation
import Yams

/// Users, channels, apps and tokens.
extension ScenarioParser {
  static let userKeys = [
    "login", "display_name", "created", "created_days_ago", "created_minutes_ago", "color", "broadcaster_type",
    "roles",
  ]

  mutating func user(_ node: Node) throws(ScenarioError) -> (ScenarioUser, [(channel: String, node: Node)]) {
    let fields = try YAMLFields(node, "user", allowed: Self.userKeys, source: source)
    let login = try self.login(fields, "login")
    if users.contains(where: { $0.login == login }) {
      throw fields.error(.badValue, at: fields.value("login"), "user '\(login)' is declared twice")
    }
    var user = ScenarioUser(login: login, displayName: try fields.string("display_name"))
    user.created =
      try age(fields, days: "created_days_ago", minutes: "created_minutes_ago", date: "created") ?? .standard
    if let color = try fields.string("color") {
      let hex = color.utf8.dropFirst().allSatisfy { $0 < 128 && Character(UnicodeScalar($0)).isHexDigit }
      guard color.hasPrefix("#"), color.utf8.count == 7, hex else {
        throw fields.error(.badValue, at: fields.value("color"), "color must look like #1E90FF, not '\(color)'")
      }
      user.color = color.uppercased()
    }
    if let type = try fields.string("broadcaster_type") {
      guard ["", "affiliate", "partner"].contains(type) else {
        throw fields.error(
          .badValue, at: fields.value("broadcaster_type"), "broadcaster_type must be affiliate or partner")
      }
      user.broadcasterType = type
    }
    var roleNodes: [(channel: String, node: Node)] = []
    if let node = fields.value("roles") {
      guard case .mapping(let mapping) = node else {
        throw fields.error(.badValue, at: node, "roles must map channels to roles, e.g. { pixelpaladin: moderator }")
      }
      for (key, value) in mapping {
        let channel = (key.string ?? "").lowercased()
        user.roles[channel] = try roleGrant(value, "roles of '\(login)' in '\(channel)'")
        roleNodes.append((channel, key))
      }
    }
    return (user, roleNodes)
  }

  /// `moderator`, `[moderator, vip, {subscriber: 14}]` or `{moderator: true, subscriber: 14}`.
  func roleGrant(_ node: Node, _ context: String) throws(ScenarioError) -> RoleGrant {
    var grant = RoleGrant()
    switch node {
    case .scalar(let scalar):
      switch scalar.string {
      case "moderator": grant.moderator = true
      case "vip": grant.vip = true
      case "subscriber": grant.subscriberMonths = 1
      default:
        throw YAMLFields.error(
          .badValue, at: node, source: source,
          "unknown role '\(scalar.string)' in \(context); roles are moderator, vip and subscriber")
      }
    case .sequence(let sequence):
      for item in sequence {
        let more = try roleGrant(item, context)
        grant.moderator = grant.moderator || more.moderator
        grant.vip = grant.vip || more.vip
        grant.subscriberMonths = more.subscriberMonths ?? grant.subscriberMonths
      }
    default:
      let fields = try YAMLFields(node, context, allowed: ["moderator", "vip", "subscriber"], source: source)
      grant.moderator = try fields.bool("moderator") ?? false
      grant.vip = try fields.bool("vip") ?? false
      if let value = fields.value("subscriber") {
        if let flag = YAMLFields.bool(value) {
          grant.subscriberMonths = flag ? 1 : nil
        } else {
          grant.subscriberMonths = try fields.int("subscriber", in: 1...1200)
        }
      }
    }
    return grant
  }

  static let channelKeys = [
    "broadcaster", "title", "game", "game_id", "language", "live", "viewers", "chat", "automod_terms",
    "blocked_terms", "suspicious_users",
  ]
  static let chatKeys = [
    "emote_only", "followers_only", "slow", "subscribers_only", "unique_chat", "non_moderator_delay",
  ]

  mutating func channel(_ node: Node) throws(ScenarioError) -> ScenarioChannel {
    let fields = try YAMLFields(node, "channel", allowed: Self.channelKeys, source: source)
    let broadcaster = try declaredUser(
      try login(fields, "broadcaster"), at: fields.value("broadcaster"), "broadcaster")
    if channels.contains(where: { $0.broadcaster == broadcaster }) {
      throw fields.error(.badValue, at: fields.value("broadcaster"), "channel '\(broadcaster)' is declared twice")
    }
    var channel = ScenarioChannel(broadcaster: broadcaster)
    let context = "channel '\(broadcaster)'"
    channel.title = try fields.string("title")
    channel.game = try fields.string("game")
    channel.gameID = try fields.string("game_id")
    channel.language = try fields.string("language")
    channel.live = try fields.bool("live") ?? false
    channel.viewers = try fields.int("viewers", in: 0...10_000_000) ?? 0
    if let chat = try fields.mapping("chat", "\(context) chat", allowed: Self.chatKeys) {
      channel.chat = try chatChanges(chat)
    }
    channel.automodTerms = (try fields.nonEmptyStrings("automod_terms") ?? []).map { $0.lowercased() }
    channel.blockedTerms = try fields.nonEmptyStrings("blocked_terms") ?? []
    for term in channel.blockedTerms where !(2...500).contains(term.count) {
      throw fields.error(
        .badValue, at: fields.value("blocked_terms"), "blocked term '\(term)' must be 2 to 500 characters")
    }
    if let node = fields.value("suspicious_users") {
      guard case .mapping(let mapping) = node else {
        throw fields.error(.badValue, at: node, "suspicious_users must map logins to restricted or active_monitoring")
      }
      for (key, value) in mapping {
        let login = try declaredUser(key.string ?? "", at: key, "suspicious user")
        guard let status = value.string, ["restricted", "active_monitoring"].contains(status) else {
          throw YAMLFields.error(
            .badValue, at: value, source: source, "a suspicious user is restricted or active_monitoring")
        }
        channel.suspiciousUsers[login] = status
      }
    }
    return channel
  }

  /// The chat keys of a mapping (a channel's `chat`, or a `chat_settings` step).
  func chatChanges(_ fields: YAMLFields) throws(ScenarioError) -> [ChatSettingChange] {
    var changes: [ChatSettingChange] = []
    if let on = try fields.bool("emote_only") { changes.append(.emoteOnly(on)) }
    if let on = try fields.bool("subscribers_only") { changes.append(.subscribersOnly(on)) }
    if let on = try fields.bool("unique_chat") { changes.append(.uniqueChat(on)) }
    if let minutes = try offOrNumber(fields, "followers_only", in: 0...129_600, on: 0) {
      changes.append(.followersOnly(minutes: minutes))
    }
    if let seconds = try offOrNumber(fields, "slow", in: 3...120, on: 30) {
      changes.append(.slow(seconds: seconds))
    }
    if let seconds = try offOrNumber(fields, "non_moderator_delay", in: 2...6, on: 2) {
      guard seconds.map({ [2, 4, 6].contains($0) }) ?? true else {
        throw fields.error(
          .badValue, at: fields.value("non_moderator_delay"), "non_moderator_delay is 2, 4 or 6 seconds")
      }
      changes.append(.nonModeratorDelay(seconds: seconds))
    }
    return changes
  }

  /// `false`/`off` (→ `.some(nil)`: off), `true` (→ `on`) or a number in `range`; `nil` when absent.
  private func offOrNumber(_ fields: YAMLFields, _ key: String, in range: ClosedRange<Int>, on: Int)
    throws(ScenarioError) -> Int??
  {
    guard let node = fields.value(key) else { return nil }
    if let flag = YAMLFields.bool(node) { return .some(flag ? on : nil) }
    return .some(try fields.int(key, in: range))
  }

  mutating func app(_ node: Node) throws(ScenarioError) -> ScenarioApp {
    let fields = try YAMLFields(node, "app", allowed: ["client_id", "secret", "name"], source: source)
    let clientID = try fields.requiredString("client_id")
    if apps.contains(where: { $0.clientID == clientID }) {
      throw fields.error(.badValue, at: fields.value("client_id"), "app '\(clientID)' is declared twice")
    }
    return ScenarioApp(
      clientID: clientID, secret: try fields.string("secret"), name: try fields.string("name") ?? clientID)
  }

  func token(_ node: Node) throws(ScenarioError) -> ScenarioToken {
    let fields = try YAMLFields(
      node, "token", allowed: ["name", "client_id", "user", "scopes", "lifetime"], source: source)
    let clientID = try fields.requiredString("client_id")
    guard apps.contains(where: { $0.clientID == clientID }) else {
      throw fields.error(.unknownReference, at: fields.value("client_id"), "app '\(clientID)' is not declared in apps")
    }
    let user = try fields.string("user").map { (login) throws(ScenarioError) in
      try declaredUser(login, at: fields.value("user"), "token user")
    }
    return ScenarioToken(
      name: try fields.string("name") ?? user ?? "app:\(clientID)", clientID: clientID, user: user,
      scopes: try fields.strings("scopes") ?? [], lifetime: try fields.double("lifetime", in: 1...1e9))
  }

  // MARK: Values

  /// A login: lower-cased, 1 to 25 of a-z, 0-9 and _.
  func login(_ fields: YAMLFields, _ key: String) throws(ScenarioError) -> String {
    let login = try fields.requiredString(key).lowercased()
    guard login.utf8.count <= 25, login.utf8.allSatisfy(Self.isLoginByte) else {
      throw fields.error(.badValue, at: fields.value(key), "'\(login)' is not a login: use 1 to 25 of a-z, 0-9 and _")
    }
    return login
  }

  static func isLoginByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || byte == UInt8(ascii: "_")
  }

  /// At most one of an absolute date and ages in days or minutes.
  func age(_ fields: YAMLFields, days: String, minutes: String, date: String? = nil) throws(ScenarioError)
    -> AccountAge?
  {
    let given = [days, minutes, date].compactMap { $0 }.filter { fields.has($0) }
    if given.count > 1 {
      throw fields.error(.badValue, at: fields.value(given[1]), "give only one of \(given.joined(separator: ", "))")
    }
    if let value = try fields.double(days, in: 0...36_500) { return .daysAgo(value) }
    if let value = try fields.double(minutes, in: 0...52_560_000) { return .minutesAgo(value) }
    if let date, let text = try fields.string(date) {
      guard let parsed = Self.isoDate(text) else {
        throw fields.error(
          .badValue, at: fields.value(date), "'\(text)' is not an ISO date (2019-04-01 or 2019-04-01T12:00:00Z)")
      }
      return .date(parsed)
    }
    return nil
  }

  /// `2019-04-01` (midnight UTC) or an ISO 8601 date and time.
  static func isoDate(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    if text.utf8.count == 10 {
      formatter.formatOptions = [.withFullDate]
    } else if text.contains(".") {
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    }
    return formatter.date(from: text)
  }
}
