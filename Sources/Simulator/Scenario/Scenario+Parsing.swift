import Foundation
import Yams

extension Scenario {
  /// Reads a scenario file.
  public static func load(path: String) throws(ScenarioError) -> Scenario {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ScenarioError(
        code: .unreadable, source: path, line: nil, column: nil, message: "cannot read the scenario: \(error)")
    }
    return try parse(yaml: text, source: path)
  }

  /// Parses a scenario from YAML. `source` names it in errors (`source:line:column: message`).
  ///
  /// The format (every key is optional unless marked required; unknown keys are errors):
  ///
  /// ```yaml
  /// name: demo                      # default: the file name
  /// description: A believable stream
  /// seed: 42                        # random choices are repeatable
  /// duration: 180                   # seconds one pass lasts (loops restart after it)
  /// users:
  ///   - login: pixelpaladin         # required, a-z 0-9 _
  ///     display_name: PixelPaladin
  ///     created: 2016-03-04         # or created_days_ago: 900, or created_minutes_ago: 5
  ///     color: "#8A2BE2"
  ///     broadcaster_type: partner   # affiliate, partner
  ///     roles: { otherchannel: vip }
  ///   - login: mod_marta
  ///     roles:
  ///       pixelpaladin: [moderator, { subscriber: 26 }]   # or { moderator: true, subscriber: 26 }
  /// channels:
  ///   - broadcaster: pixelpaladin   # required, a declared user
  ///     title: Blind run
  ///     game: Hades II
  ///     live: true
  ///     viewers: 230
  ///     chat: { slow: 3, followers_only: 10, subscribers_only: false, emote_only: false,
  ///             unique_chat: false, non_moderator_delay: 2 }
  ///     automod_terms: [idiot]
  ///     blocked_terms: [crypto giveaway]
  ///     suspicious_users: { sus_steve: restricted }   # or active_monitoring
  /// apps:
  ///   - client_id: warden-demo      # required
  ///     secret: demo-secret         # omit for a public client
  /// tokens:
  ///   - name: bot                   # default: the user's login
  ///     client_id: warden-demo      # required, a declared app
  ///     user: warden_bot            # omit for an app token
  ///     scopes: [moderator:manage:banned_users, user:read:chat]
  /// timeline:
  ///   - at: 0                       # required: seconds from the start of the pass
  ///     every: 30                   # optional: again every 30 s …
  ///     repeat: 3                   # … 3 times in all (default: until `duration`)
  ///     say: { user: luna, text: "hi chat HeyGuys", id: hello }
  /// ```
  ///
  /// Steps: `say`, `chatter`, `spam_wave`, `caps`, `copypasta`, `slur`, `raid`,
  /// `fresh_accounts`, `sub`, `resub`, `announcement`, `follow`, `go_live`, `go_offline`,
  /// `automod`, `ban`, `timeout`, `chat_settings`, `flood`; `docs/SIMULATOR.md` lists their
  /// keys. A step's `channel` defaults to the first channel declared.
  public static func parse(yaml: String, source: String = "scenario") throws(ScenarioError) -> Scenario {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw ScenarioError(code: .syntax, source: source, line: nil, column: nil, message: "the scenario is empty")
      }
      root = node
    } catch let error as ScenarioError {
      throw error
    } catch let error as YamlError {
      throw ScenarioError(yaml: error, source: source)
    } catch {
      throw ScenarioError(code: .syntax, source: source, line: nil, column: nil, message: "\(error)")
    }
    var parser = ScenarioParser(source: source)
    return try parser.scenario(root)
  }
}

extension ScenarioError {
  init(yaml error: YamlError, source: String) {
    let (mark, problem): (Mark?, String) =
      switch error {
      case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        (mark, [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
      case .duplicatedKeysInMapping(let duplicates, let context):
        (context.mark, "duplicate key " + duplicates.map { "'\($0)'" }.joined(separator: ", "))
      default: (nil, "\(error)")
      }
    self.init(
      code: .syntax, source: source, line: mark?.line, column: mark?.column, message: "invalid YAML: \(problem)")
  }
}

/// Reads a scenario document section by section, checking every reference as it goes.
struct ScenarioParser {
  let source: String
  var users: [ScenarioUser] = []
  var channels: [ScenarioChannel] = []
  var apps: [ScenarioApp] = []
  /// Labels of messages (`id:`) and the replies that refer to them, checked at the end.
  var labels: Set<String> = []
  var replies: [(label: String, node: Node)] = []
  var duration: Double?

  init(source: String) { self.source = source }

  static let topKeys = ["name", "description", "seed", "duration", "users", "channels", "apps", "tokens", "timeline"]

  mutating func scenario(_ root: Node) throws(ScenarioError) -> Scenario {
    let top = try YAMLFields(root, "the scenario", allowed: Self.topKeys, source: source)
    let defaultName = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
    duration = try top.double("duration", in: 0.001...Double(Int32.max))
    var roleNodes: [(login: String, channel: String, node: Node)] = []
    for node in try top.sequence("users") ?? [] {
      let (user, roles) = try self.user(node)
      users.append(user)
      roleNodes += roles.map { (user.login, $0.channel, $0.node) }
    }
    for node in try top.sequence("channels") ?? [] { channels.append(try channel(node)) }
    for role in roleNodes where !channels.contains(where: { $0.broadcaster == role.channel }) {
      throw YAMLFields.error(
        .unknownReference, at: role.node, source: source,
        "user '\(role.login)' has roles in '\(role.channel)', which is not a declared channel")
    }
    for node in try top.sequence("apps") ?? [] { apps.append(try app(node)) }
    var tokens: [ScenarioToken] = []
    for node in try top.sequence("tokens") ?? [] {
      let token = try self.token(node)
      if tokens.contains(where: { $0.name == token.name }) {
        throw YAMLFields.error(.badValue, at: node, source: source, "a token named '\(token.name)' is declared twice")
      }
      tokens.append(token)
    }
    var timeline: [TimelineEntry] = []
    for node in try top.sequence("timeline") ?? [] { timeline.append(try entry(node)) }
    for reply in replies where !labels.contains(reply.label) {
      throw YAMLFields.error(
        .unknownReference, at: reply.node, source: source,
        "reply_to '\(reply.label)' names no message; label one with `id: \(reply.label)`")
    }
    return Scenario(
      name: try top.string("name") ?? defaultName, description: try top.string("description") ?? "",
      seed: UInt64(try top.int("seed", in: 0...Int.max) ?? 1), duration: duration, users: users,
      channels: channels, apps: apps, tokens: tokens, timeline: timeline, source: source)
  }

  // MARK: References

  func declaredUser(_ login: String, at node: Node?, _ context: String) throws(ScenarioError) -> String {
    let login = login.lowercased()
    guard users.contains(where: { $0.login == login }) else {
      throw YAMLFields.error(
        .unknownReference, at: node ?? .init(""), source: source, "\(context) '\(login)' is not a declared user")
    }
    return login
  }

  func declaredChannel(_ login: String, at node: Node?) throws(ScenarioError) -> ScenarioChannel {
    guard let channel = channels.first(where: { $0.broadcaster == login.lowercased() }) else {
      throw YAMLFields.error(
        .unknownReference, at: node ?? .init(""), source: source, "'\(login)' is not a declared channel")
    }
    return channel
  }

  /// Whether a declared user may moderate a channel (its broadcaster or a moderator).
  func isModerator(_ login: String, of channel: String) -> Bool {
    login == channel || users.first { $0.login == login }?.roles[channel]?.moderator == true
  }
}
