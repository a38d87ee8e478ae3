/// The `payload.event` object of the EventSub notifications the gateway subscribes to, decoded
/// into one type: each notification type fills its own members, the rest stay `nil`.
struct EventSubEvent: Decodable, Sendable {
  struct Person: Sendable {
    var id: String
    var login: String
    var name: String?
  }

  struct Target: Decodable, Sendable {
    var userID: String?
    var userLogin: String?
    var userName: String?
    var reason: String?
    var expiresAt: String?
    var messageID: String?
    var messageBody: String?
    var chatRulesCited: [String]?
    var followDurationMinutes: Int?
    var waitTimeSeconds: Int?

    enum CodingKeys: String, CodingKey {
      case userID = "user_id"
      case userLogin = "user_login"
      case userName = "user_name"
      case reason
      case expiresAt = "expires_at"
      case messageID = "message_id"
      case messageBody = "message_body"
      case chatRulesCited = "chat_rules_cited"
      case followDurationMinutes = "follow_duration_minutes"
      case waitTimeSeconds = "wait_time_seconds"
    }

    var user: Person? {
      guard let userID, let userLogin else { return nil }
      return Person(id: userID, login: userLogin, name: userName)
    }
  }

  struct HeldMessage: Decodable, Sendable {
    var text: String
  }

  struct AutoModInfo: Decodable, Sendable {
    var category: String?
    var level: Int?
  }

  struct BlockedTerms: Decodable, Sendable {
    struct Found: Decodable, Sendable {
      var termID: String
      enum CodingKeys: String, CodingKey { case termID = "term_id" }
    }
    var termsFound: [Found]?
    enum CodingKeys: String, CodingKey { case termsFound = "terms_found" }
  }

  var people: [String: String] = [:]
  var action: String?
  var targets: [String: Target] = [:]
  var messageID: String?
  var message: HeldMessage?
  var reason: String?
  var automod: AutoModInfo?
  var blockedTerm: BlockedTerms?
  var status: String?
  var heldAt: String?
  var id: String?
  var type: String?
  var startedAt: String?
  var followedAt: String?
  var viewers: Int?

  /// `<prefix>_id`, `_login` and `_name` read as one person (`broadcaster_user`,
  /// `moderator_user`, `user`); nil when absent or empty.
  func person(_ prefix: String) -> Person? {
    guard let id = people[prefix + "_id"], !id.isEmpty, let login = people[prefix + "_login"], !login.isEmpty
    else { return nil }
    return Person(id: id, login: login, name: people[prefix + "_name"])
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  static let targetKeys: Set<String> = [
    "ban", "unban", "timeout", "untimeout", "delete", "warn", "followers", "slow",
  ]

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    for key in container.allKeys {
      let name = key.stringValue
      if name.hasSuffix("user_id") || name.hasSuffix("user_login") || name.hasSuffix("user_name") {
        if let value = try? container.decodeIfPresent(String.self, forKey: key) { people[name] = value }
        continue
      }
      switch name {
      case "action": action = try container.decodeIfPresent(String.self, forKey: key)
      case "message_id": messageID = try container.decodeIfPresent(String.self, forKey: key)
      case "message": message = try? container.decodeIfPresent(HeldMessage.self, forKey: key)
      case "reason": reason = try? container.decodeIfPresent(String.self, forKey: key)
      case "automod": automod = try container.decodeIfPresent(AutoModInfo.self, forKey: key)
      case "blocked_term": blockedTerm = try container.decodeIfPresent(BlockedTerms.self, forKey: key)
      case "status": status = try container.decodeIfPresent(String.self, forKey: key)
      case "held_at": heldAt = try container.decodeIfPresent(String.self, forKey: key)
      case "id": id = try container.decodeIfPresent(String.self, forKey: key)
      case "type": type = try container.decodeIfPresent(String.self, forKey: key)
      case "started_at": startedAt = try container.decodeIfPresent(String.self, forKey: key)
      case "followed_at": followedAt = try container.decodeIfPresent(String.self, forKey: key)
      case "viewers": viewers = try container.decodeIfPresent(Int.self, forKey: key)
      default:
        if Self.targetKeys.contains(name), let target = try container.decodeIfPresent(Target.self, forKey: key) {
          targets[name] = target
        }
      }
    }
  }
}
