import Foundation
import Testing
import TwitchSimCore
import TwitchSimScenario

@Suite struct ScenarioParsingTests {
  /// Users, a channel and an app every snippet below can refer to.
  static let header = """
    users:
      - login: streamer
      - login: mod
        roles: { streamer: moderator }
      - login: viewer
    channels:
      - broadcaster: streamer
        automod_terms: [idiot]
    apps:
      - client_id: app

    """

  @Test func fullSetupParses() throws {
    let scenario = try Scenario.parse(
      yaml: """
        name: sample
        seed: 7
        duration: 60
        users:
          - login: Streamer
            display_name: StreamerName
            created: 2016-03-04
            color: "#8a2be2"
            broadcaster_type: partner
          - login: mod
            created_days_ago: 900
            roles: { streamer: [moderator, { subscriber: 26 }] }
          - login: vip
            created_minutes_ago: 5
            roles: { streamer: { vip: true, subscriber: true } }
        channels:
          - broadcaster: streamer
            title: Title
            game: Hades II
            live: true
            viewers: 12
            chat: { slow: 3, followers_only: 10, emote_only: false, non_moderator_delay: 2 }
            automod_terms: [Idiot]
            blocked_terms: [crypto giveaway]
            suspicious_users: { vip: restricted }
        apps:
          - client_id: app
            secret: s
          - client_id: public
        tokens:
          - client_id: app
            user: mod
            scopes: [moderator:manage:banned_users]
          - name: apptoken
            client_id: public
        """, source: "sample.yaml")
    #expect(scenario.name == "sample")
    #expect(scenario.seed == 7)
    #expect(scenario.users.map(\.login) == ["streamer", "mod", "vip"])
    #expect(scenario.users[0].color == "#8A2BE2")
    #expect(scenario.users[0].created == .date(Date(timeIntervalSince1970: 1_457_049_600)))
    #expect(scenario.users[1].created == .daysAgo(900))
    #expect(scenario.users[1].roles["streamer"] == RoleGrant(moderator: true, subscriberMonths: 26))
    #expect(scenario.users[2].roles["streamer"] == RoleGrant(vip: true, subscriberMonths: 1))
    let channel = try #require(scenario.channels.first)
    #expect(channel.live && channel.viewers == 12 && channel.game == "Hades II")
    #expect(channel.chat.contains(.slow(seconds: 3)) && channel.chat.contains(.followersOnly(minutes: 10)))
    #expect(channel.chat.contains(.nonModeratorDelay(seconds: 2)) && channel.chat.contains(.emoteOnly(false)))
    #expect(channel.automodTerms == ["idiot"])
    #expect(channel.suspiciousUsers == ["vip": "restricted"])
    #expect(scenario.apps.map(\.secret) == ["s", nil])
    #expect(scenario.tokens.map(\.name) == ["mod", "apptoken"])
    #expect(scenario.tokens[1].user == nil)
  }

  @Test func timelineStepsParse() throws {
    let scenario = try Scenario.parse(
      yaml: Self.header + """
        duration: 100
        timeline:
          - { at: 0, say: { id: q, user: viewer, text: "what game?" } }
          - { at: 1, say: { user: mod, text: "@viewer Hades", reply_to: q } }
          - { at: 2, every: 10, chatter: { rate: 2, duration: 5 } }
          - { at: 3, spam_wave: { accounts: 3, messages: 4, over: 2, login_prefix: bot } }
          - { at: 4, caps: { user: viewer, text: "loud", count: 2 } }
          - { at: 5, copypasta: { users: [viewer, mod], text: "pasta" } }
          - { at: 6, slur: { user: viewer, text: "a BadWord here", term: badword } }
          - { at: 7, raid: { from: streamer, viewers: 5 } }
          - { at: 8, fresh_accounts: { count: 4, created_minutes_ago: 3, spread_minutes: 1, follow: yes } }
          - { at: 9, sub: { user: viewer, tier: prime } }
          - { at: 10, resub: { user: viewer, months: 5, streak: 2, tier: 2 } }
          - { at: 11, announcement: { user: mod, text: "hello", color: blue } }
          - { at: 12, follow: { users: [viewer] } }
          - { at: 13, go_live: { title: T } }
          - { at: 14, go_offline: }
          - { at: 15, automod: { user: viewer, text: "you IDIOT" } }
          - { at: 16, ban: { moderator: mod, user: viewer, reason: spam } }
          - { at: 17, timeout: { moderator: streamer, user: viewer } }
          - { at: 18, chat_settings: { slow: false, emote_only: true } }
          - { at: 19, flood: { rate: 1000, duration: 1 } }
        """)
    let kinds = scenario.timeline.map(\.step.kind)
    #expect(kinds.count == 20)
    #expect(Set(kinds).count == 19)
    guard case .say(let reply) = scenario.timeline[1].step else {
      Issue.record("not a say")
      return
    }
    #expect(reply.replyTo == "q" && reply.channel == "streamer")
    #expect(scenario.timeline[2].occurrences(within: scenario.duration) == Array(stride(from: 2.0, to: 100, by: 10)))
    guard case .spamWave(let wave) = scenario.timeline[3].step else {
      Issue.record("not spam")
      return
    }
    #expect(wave.accounts.count == 3 && wave.accounts.style == .prefixed("bot") && wave.messages == 4)
    guard case .freshAccounts(let fresh) = scenario.timeline[8].step else {
      Issue.record("not fresh")
      return
    }
    #expect(fresh.follow && fresh.accounts.age == .minutesAgo(3) && fresh.accounts.spreadSeconds == 60)
    guard case .resub(let resub) = scenario.timeline[10].step else {
      Issue.record("not resub")
      return
    }
    #expect(resub.plan == "2000" && resub.months == 5 && resub.streak == 2)
    guard case .timeout(let timeout) = scenario.timeline[17].step else {
      Issue.record("not timeout")
      return
    }
    #expect(timeout.duration == 600)
    guard case .chatSettings(let settings) = scenario.timeline[18].step else {
      Issue.record("no settings")
      return
    }
    #expect(settings.moderator == "streamer" && settings.changes.contains(.slow(seconds: nil)))
    #expect(scenario.passDuration == 100)
  }

  @Test func passDurationDefaultsToTheEndOfTheLastStep() throws {
    let scenario = try Scenario.parse(
      yaml: Self.header + """
        timeline:
          - { at: 5, chatter: { duration: 20 } }
          - { at: 10, every: 3, repeat: 4, say: { user: viewer, text: hi } }
        """)
    #expect(scenario.timeline[1].occurrences(within: nil) == [10, 13, 16, 19])
    #expect(scenario.passDuration == 25)
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    let yaml: String
    let line: Int
    let column: Int
    let code: ScenarioError.Code
    let fragment: String
    var testDescription: String { fragment }
  }

  static let headerLines = 10

  static let badCases: [BadCase] = [
    BadCase(
      yaml: "users:\n  - login: a\n    colour: red\n", line: 3, column: 5, code: .unknownKey,
      fragment: "did you mean 'color'?"),
    BadCase(yaml: "users:\n  - login: Bad Login\n", line: 2, column: 12, code: .badValue, fragment: "is not a login"),
    BadCase(
      yaml: "users:\n  - login: a\n    created: yesterday\n", line: 3, column: 14, code: .badValue, fragment: "ISO date"
    ),
    BadCase(yaml: "users:\n  - login: a\n    color: blue\n", line: 3, column: 12, code: .badValue, fragment: "#1E90FF"),
    BadCase(
      yaml: "users:\n  - login: a\n    roles: { a: owner }\n", line: 3, column: 17, code: .badValue,
      fragment: "unknown role 'owner'"),
    BadCase(
      yaml: "channels:\n  - broadcaster: ghost\n", line: 2, column: 18, code: .unknownReference,
      fragment: "'ghost' is not a declared user"),
    BadCase(yaml: "users: [ { login: a }\n", line: 2, column: 1, code: .syntax, fragment: "invalid YAML"),
    BadCase(yaml: "users: 3\n", line: 1, column: 8, code: .badValue, fragment: "must be a list"),
    BadCase(yaml: "timelime: []\n", line: 1, column: 1, code: .unknownKey, fragment: "did you mean 'timeline'?"),
    BadCase(
      yaml: "users:\n  - login: a\n    roles: { elsewhere: vip }\n", line: 3, column: 14, code: .unknownReference,
      fragment: "not a declared channel"),
    BadCase(
      yaml: "users:\n  - login: a\n    login: b\n", line: 2, column: 5, code: .syntax, fragment: "duplicate key 'login'"
    ),
    BadCase(
      yaml: "users:\n  - login: a\n  - login: a\n", line: 3, column: 12, code: .badValue, fragment: "declared twice"),
  ]

  @Test(arguments: badCases) func badDocumentsSayWhere(_ bad: BadCase) {
    do {
      _ = try Scenario.parse(yaml: bad.yaml, source: "bad.yaml")
      Issue.record("parsed: \(bad.yaml)")
    } catch {
      #expect(error.code == bad.code, "\(error)")
      #expect(error.line == bad.line && error.column == bad.column, "\(error)")
      #expect(error.description.contains(bad.fragment), "\(error)")
      #expect(error.description.hasPrefix("bad.yaml:\(bad.line):\(bad.column): "))
    }
  }

  /// Errors inside the timeline, after `header` (whose lines shift the positions).
  static let badSteps: [BadCase] = [
    BadCase(
      yaml: "timeline:\n  - at: 1\n    say: { usr: viewer, text: hi }\n", line: 3, column: 12, code: .unknownKey,
      fragment: "did you mean 'user'?"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    say: { user: nobody, text: hi }\n", line: 3, column: 18, code: .unknownReference,
      fragment: "'nobody' is not a declared user"),
    BadCase(
      yaml: "timeline:\n  - say: { user: viewer, text: hi }\n", line: 2, column: 5, code: .missingKey,
      fragment: "needs 'at'"),
    BadCase(
      yaml: "timeline:\n  - at: soon\n    go_offline:\n", line: 2, column: 9, code: .badValue,
      fragment: "must be a number"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    say: { user: viewer, text: hi }\n    caps: { user: viewer }\n", line: 4,
      column: 5, code: .badValue, fragment: "exactly one step"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    dance: {}\n", line: 3, column: 5, code: .unknownKey,
      fragment: "unknown key 'dance'"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    ban: { moderator: viewer, user: mod }\n", line: 3, column: 23, code: .badValue,
      fragment: "not a moderator"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    timeout: { moderator: mod, user: viewer, duration: 0 }\n", line: 3, column: 56,
      code: .badValue, fragment: "from 1 to 1209600"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    automod: { user: viewer, text: hello }\n", line: 3, column: 36, code: .badValue,
      fragment: "AutoMod would not hold"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    say: { user: viewer, text: hi, reply_to: nothing }\n", line: 3, column: 46,
      code: .unknownReference, fragment: "reply_to 'nothing'"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    every: 5\n    say: { user: viewer, text: hi }\n", line: 3, column: 12,
      code: .badValue, fragment: "'duration', which is not set"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    slur: { user: viewer, text: hello, term: word }\n", line: 3, column: 46,
      code: .badValue, fragment: "does not contain the term"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    resub: { user: viewer }\n", line: 3, column: 12, code: .missingKey,
      fragment: "needs 'months'"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    chatter: { rate: 2 }\n", line: 3, column: 14, code: .missingKey,
      fragment: "needs 'duration'"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    chatter: { duration: 5, users: [viewer, ghost] }\n", line: 3, column: 45,
      code: .unknownReference, fragment: "'ghost' is not a declared user"),
    BadCase(
      yaml: "timeline:\n  - at: 1\n    sub: { user: viewer, tier: 4 }\n", line: 3, column: 32, code: .badValue,
      fragment: "tier is 1, 2, 3 or prime"),
  ]

  @Test(arguments: badSteps) func badStepsSayWhere(_ bad: BadCase) {
    do {
      _ = try Scenario.parse(yaml: Self.header + bad.yaml, source: "steps.yaml")
      Issue.record("parsed: \(bad.yaml)")
    } catch {
      let line = bad.line + Self.headerLines
      #expect(error.code == bad.code, "\(error)")
      #expect(error.line == line && error.column == bad.column, "\(error)")
      #expect(error.description.contains(bad.fragment), "\(error)")
    }
  }

  @Test func unreadableFileIsAnError() {
    #expect(throws: ScenarioError.self) { try Scenario.load(path: "/nonexistent/scenario.yaml") }
  }
}
