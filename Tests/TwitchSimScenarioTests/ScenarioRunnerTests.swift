import Foundation
import Logging
import Synchronization
import Testing
import TwitchSimCore
import TwitchSimScenario
import WardenTestSupport

@Suite struct ScenarioRunnerTests {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Sources/Simulator/Scenarios").standardizedFileURL.path

  static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  @Test func demoLoadsItsWorld() throws {
    let scenario = try Scenario.load(path: Self.scenarios + "/demo.yaml")
    let world = SimWorld(logger: Self.quiet)
    let runner = ScenarioRunner(world: world, sink: nil, logger: Self.quiet)
    let setup = try runner.load(scenario)

    let broadcaster = try #require(world.user(login: "pixelpaladin"))
    #expect(broadcaster.broadcasterType == "partner")
    #expect(setup.channels["pixelpaladin"]?.id == broadcaster.id)
    let channel = try #require(world.channel(broadcaster.id))
    #expect(channel.gameName == "Hades II")
    #expect(!channel.isLive, "goes live on the timeline")
    #expect(channel.automodTerms.contains("idiot"))
    #expect(channel.blockedTerms.map(\.text) == ["crypto giveaway"])
    let marta = try #require(world.user(login: "mod_marta"))
    #expect(world.role(of: marta.id, in: broadcaster.id) == .moderator)
    #expect(channel.subscriberMonths[marta.id] == 26)
    let steve = try #require(world.user(login: "sus_steve"))
    #expect(channel.suspiciousUsers[steve.id] == "active_monitoring")
    #expect(world.role(of: try #require(world.user(login: "bytebandit")).id, in: broadcaster.id) == .vip)

    let bot = try #require(setup.token(named: "bot"))
    #expect(bot.login == "warden_bot")
    #expect(world.validToken(bot.token.accessToken)?.userID == world.user(login: "warden_bot")?.id)
    #expect(bot.token.has(scope: "moderator:manage:banned_users"))

    // The viewer-bot wave: twenty accounts whose creation dates sit within two minutes, about
    // eight minutes ago.
    let freshIndex = try #require(scenario.timeline.firstIndex { $0.step.kind == "fresh_accounts" })
    let fresh = try #require(setup.generatedUsers[freshIndex])
    #expect(fresh.count == 20)
    let created = fresh.map(\.createdAt)
    let spread = created.max()!.timeIntervalSince(created.min()!)
    #expect(spread <= 120)
    #expect(created.allSatisfy { (7 * 60...11 * 60).contains(Date().timeIntervalSince($0)) })
    #expect(Set(fresh.map(\.login)).count == 20)
    // Raiders are people: their accounts are years apart.
    let raidIndex = try #require(scenario.timeline.firstIndex { $0.step.kind == "raid" })
    let raiders = try #require(setup.generatedUsers[raidIndex]).map(\.createdAt)
    #expect(raiders.count == 14 && raiders.max()!.timeIntervalSince(raiders.min()!) > 30 * 86_400)
    #expect(world.allUsers.count == scenario.users.count + setup.generatedUsers.values.map(\.count).reduce(0, +))

    // Loading again reuses what exists.
    let again = try runner.load(scenario)
    #expect(again.users["mod_marta"]?.id == marta.id)
    #expect(again.generatedUsers[freshIndex]?.map(\.id) == fresh.map(\.id))
  }

  /// One pass of the demo at 300× speed: everything it promises happens, and the only
  /// refusals are chat from the user a moderator timed out.
  @Test func demoPlaysAPass() async throws {
    let scenario = try Scenario.load(path: Self.scenarios + "/demo.yaml")
    let records = LogRecords()
    let world = SimWorld(logger: Self.quiet)
    let runner = ScenarioRunner(world: world, sink: nil, logger: records.logger())
    let setup = try runner.load(scenario)
    let (id, stream) = world.hub.subscribe()
    try await runner.run(scenario, speed: 300)
    world.hub.cancel(id)
    var chat: [ChatMessageEvent] = []
    var kinds: [String: Int] = [:]
    for await event in stream {
      switch event {
      case .chatMessage(let message):
        chat.append(message)
        kinds["chat", default: 0] += 1
      case .userNotice(let notice): kinds[notice.kind, default: 0] += 1
      case .raid: kinds["channel.raid", default: 0] += 1
      case .follow: kinds["follow", default: 0] += 1
      case .automodHeld: kinds["held", default: 0] += 1
      case .userBanned(_, let user, _, _, let duration):
        kinds["timeout:\(user.login):\(duration ?? 0)", default: 0] += 1
      case .suspiciousMessage: kinds["suspicious", default: 0] += 1
      case .streamOnline: kinds["online", default: 0] += 1
      case .streamOffline: kinds["offline", default: 0] += 1
      case .chatSettingsChanged: kinds["settings", default: 0] += 1
      default: break
      }
    }
    #expect(kinds["chat", default: 0] > 200)
    #expect(kinds["sub"] == 2 && kinds["resub"] == 2 && kinds["announcement"] == 1 && kinds["raid"] == 1)
    #expect(kinds["channel.raid"] == 1)
    #expect(kinds["follow"] == 1 + 20 + 2)
    #expect(kinds["held", default: 0] >= 2, "the AutoMod step and the blocked term in spam")
    #expect(kinds["timeout:edgy_eddie:60"] == 1)
    #expect(kinds["suspicious", default: 0] > 0)
    #expect(kinds["online"] == 1 && kinds["offline"] == 1 && kinds["settings"] == 2)
    #expect(chat.contains { $0.sender.login == "toxic_tom" && $0.message.text.contains("faggot") })
    #expect(chat.contains { $0.message.replyParentID != nil && $0.sender.login == "pixelpaladin" })
    #expect(chat.contains { $0.message.text.contains("\u{0435}") || $0.message.text.contains("\u{0430}") })
    let pasta = Dictionary(grouping: chat, by: \.message.text).values.map(\.count).max() ?? 0
    #expect(pasta >= 14, "the copypasta")
    let freshIndex = try #require(scenario.timeline.firstIndex { $0.step.kind == "fresh_accounts" })
    let fresh = Set(try #require(setup.generatedUsers[freshIndex]).map(\.id))
    #expect(chat.filter { fresh.contains($0.sender.id) }.count == 20)

    let refused = records.all.filter { $0.message.hasSuffix("refused") }
    #expect(refused.allSatisfy { $0.metadata["sim.user"] == "edgy_eddie" }, "\(refused.map(\.metadata))")
    #expect(!records.all.contains { $0.level >= .warning }, "\(records.all.filter { $0.level >= .warning })")
  }

  @Test func minimalLoadsAChannelAModeratorAndAViewer() throws {
    let scenario = try Scenario.load(path: Self.scenarios + "/minimal.yaml")
    let world = SimWorld(logger: Self.quiet)
    let setup = try ScenarioRunner(world: world, sink: nil, logger: Self.quiet).load(scenario)
    let streamer = try #require(setup.channels["sim_streamer"])
    #expect(world.channel(streamer.id)?.isLive == true)
    let moderator = try #require(setup.users["sim_moderator"])
    #expect(world.role(of: moderator.id, in: streamer.id) == .moderator)
    #expect(world.role(of: try #require(setup.users["sim_viewer"]).id, in: streamer.id) == .viewer)
    let token = try #require(setup.token(named: "moderator"))
    #expect(token.token.userID == moderator.id && token.token.clientID == "warden-test")
    #expect(scenario.timeline.isEmpty)
  }

  static let short = """
    seed: 3
    users:
      - login: streamer
      - login: other
      - login: mod
        roles: { streamer: moderator }
      - login: viewer
      - login: troll
      - login: sus
    channels:
      - broadcaster: streamer
        automod_terms: [idiot]
        suspicious_users: { sus: restricted }
    timeline:
      - { at: 0, go_live: { title: Live now, viewers: 10 } }
      - { at: 0.5, say: { id: q, user: viewer, text: "what game is this? Kappa" } }
      - { at: 1, say: { user: mod, text: "@viewer Hades", reply_to: q } }
      - { at: 1, chatter: { users: [viewer, mod], rate: 4, duration: 2, reply_chance: 0.5 } }
      - { at: 2, spam_wave: { accounts: 3, messages: 4, over: 1 } }
      - { at: 2, caps: { user: viewer, text: quiet please, count: 2, over: 1 } }
      - { at: 3, copypasta: { accounts: 5, text: "the same long text again and again", over: 1 } }
      - { at: 4, slur: { user: troll, text: "a slur here", term: slur } }
      - { at: 4.5, timeout: { moderator: mod, user: troll, duration: 30, reason: slur } }
      - { at: 5, say: { user: troll, text: "I am timed out" } }
      - { at: 5, automod: { user: viewer, text: "you idiot" } }
      - { at: 5.5, say: { user: sus, text: "hello" } }
      - { at: 6, raid: { from: other, viewers: 50, raiders: 4, over: 1 } }
      - { at: 7, fresh_accounts: { count: 5, created_minutes_ago: 2, follow: true, over: 1 } }
      - { at: 8, sub: { user: viewer } }
      - { at: 8, resub: { user: mod, months: 3, streak: 3 } }
      - { at: 8, announcement: { user: mod, text: hear ye } }
      - { at: 8.5, follow: { user: viewer } }
      - { at: 9, chat_settings: { moderator: mod, slow: 10 } }
      - { at: 9, ban: { moderator: streamer, user: troll, reason: enough } }
      - { at: 9.5, flood: { rate: 1000, duration: 1 } }
      - { at: 10, go_offline: }
    """

  @Test func shortScenarioProducesTheExpectedEvents() async throws {
    let scenario = try Scenario.parse(yaml: Self.short, source: "short.yaml")
    let world = SimWorld(logger: Self.quiet)
    let sink = CountingSink()
    let runner = ScenarioRunner(world: world, sink: sink, logger: Self.quiet)
    let setup = try runner.load(scenario)
    let (id, stream) = world.hub.subscribe()
    try await runner.run(scenario, speed: 100)
    world.hub.cancel(id)
    var events: [SimEvent] = []
    for await event in stream { events.append(event) }

    let chat = events.compactMap { event -> ChatMessageEvent? in
      if case .chatMessage(let message) = event { return message }
      return nil
    }
    func said(_ login: String) -> [String] { chat.filter { $0.sender.login == login }.map(\.message.text) }
    #expect(said("viewer").contains("what game is this? Kappa"))
    let question = try #require(chat.first { $0.message.text == "what game is this? Kappa" })
    #expect(question.message.emotes.map(\.name) == ["Kappa"])
    let answer = try #require(chat.first { $0.message.text == "@viewer Hades" })
    #expect(answer.message.replyParentID == question.message.id)
    #expect(said("viewer").filter { $0 == "QUIET PLEASE" }.count == 2)
    #expect(said("troll") == ["a slur here"], "the timed-out message was refused, not fatal")
    #expect(chat.filter { $0.message.text == "the same long text again and again" }.count == 5)

    let spamIndex = try #require(scenario.timeline.firstIndex { $0.step.kind == "spam_wave" })
    let spammers = Set(try #require(setup.generatedUsers[spamIndex]).map(\.id))
    let spam = chat.filter { spammers.contains($0.sender.id) }.map(\.message.text)
    #expect(spam.count == 4)
    #expect(spam.allSatisfy { $0 != TextMangling.folded($0) }, "lookalike letters in every spam message")
    #expect(spam.allSatisfy { $0.contains("/") }, "a link in every spam message")

    let notices = events.compactMap { event -> UserNoticeEvent? in
      if case .userNotice(let notice) = event { return notice }
      return nil
    }
    #expect(Set(notices.map(\.kind)) == ["raid", "sub", "resub", "announcement"])
    let resub = try #require(notices.first { $0.kind == "resub" })
    #expect(resub.params["cumulative-months"] == "3" && resub.params["streak-months"] == "3")
    #expect(
      resub.systemMessage == "mod subscribed at Tier 1. They've subscribed for 3 months, currently on a 3 month streak!"
    )
    #expect(notices.first { $0.kind == "announcement" }?.text == "hear ye")

    var raids = 0
    var follows: [String] = []
    var bans: [(String, Int?)] = []
    var held: [String] = []
    var suspicious: [String] = []
    var online = 0
    var offline = 0
    var settings: [ChatSettings] = []
    for event in events {
      switch event {
      case .raid(let from, _, let viewers): if from.login == "other" && viewers == 50 { raids += 1 }
      case .follow(let user, _, _): follows.append(user.login)
      case .userBanned(_, let user, _, _, let duration): bans.append((user.login, duration))
      case .automodHeld(let message, _, _): held.append(message.text)
      case .suspiciousMessage(let message, let status): suspicious.append("\(message.sender.login):\(status)")
      case .streamOnline: online += 1
      case .streamOffline: offline += 1
      case .chatSettingsChanged(_, let changed, _): settings.append(changed)
      default: break
      }
    }
    #expect(raids == 1)
    let raidIndex = try #require(scenario.timeline.firstIndex { $0.step.kind == "raid" })
    let raiders = Set(try #require(setup.generatedUsers[raidIndex]).map(\.id))
    #expect(chat.filter { raiders.contains($0.sender.id) }.count == 4)
    #expect(follows.count == 6 && follows.contains("viewer"))
    #expect(bans.map(\.0) == ["troll", "troll"] && bans.map(\.1) == [30, nil])
    #expect(held == ["you idiot"])
    #expect(suspicious == ["sus:restricted"])
    #expect(online == 1 && offline == 1)
    #expect(settings.last?.slowModeWaitTime == 10)
    // At speed 100 the one-second flood lasts 10 ms at its rate: 10 lines, to the sink only.
    #expect(sink.lines == 10, "the flood went to the sink")
    #expect(!chat.contains { $0.message.text == "LUL" && $0.sender.login.hasPrefix("flood") })
  }

  @Test func loopingRunStopsWhenCancelled() async throws {
    let scenario = try Scenario.parse(
      yaml: """
        duration: 2
        users: [{ login: streamer }, { login: viewer }]
        channels: [{ broadcaster: streamer }]
        timeline:
          - { at: 0, say: { user: viewer, text: again } }
        """)
    let world = SimWorld(logger: Self.quiet)
    let runner = ScenarioRunner(world: world, sink: nil, logger: Self.quiet)
    let (id, stream) = world.hub.subscribe()
    let counter = EventCounter()
    let reader = Task {
      for await event in stream {
        if case .chatMessage = event { counter.add() }
      }
    }
    let run = Task { try await runner.run(scenario, speed: 20, loop: true) }
    #expect(await eventually { counter.count >= 3 }, "the timeline started over")
    run.cancel()
    try await run.value
    world.hub.cancel(id)
    await reader.value
  }

  @Test func lookalikesKeepLinksAndFoldBack() {
    var random = SeededRandom(seed: 9)
    for text in ["free viewers at bit.ly/abc", "cheap followers today", "a"] {
      let mangled = TextMangling.withLookalikes(text, using: &random)
      #expect(mangled != text)
      #expect(TextMangling.folded(mangled) == text)
      if text.contains("bit.ly/abc") { #expect(mangled.hasSuffix("bit.ly/abc")) }
    }
    #expect(TextMangling.withLookalikes("123 bit.ly/x", using: &random) == "123 bit.ly/x")
  }
}

final class EventCounter: Sendable {
  private let value = Mutex(0)
  var count: Int { value.withLock { $0 } }
  func add() { value.withLock { $0 += 1 } }
}
