import Foundation
import Testing
import TwitchSimCore

@testable import TwitchSimEventSub

/// Event payloads without sockets: fragments, `channel.moderate` actions, AutoMod boundaries.
@Suite struct RenderingTests {
  func fragments(_ text: String, bits: Int = 0, users: [String] = [], boundaries: [ClosedRange<Int>] = [])
    -> [ChatFragments.Piece]
  {
    let known = Dictionary(
      uniqueKeysWithValues: users.map {
        ($0, SimUser(id: "1\($0.count)", login: $0, displayName: $0.uppercased(), createdAt: Date()))
      })
    return ChatFragments(
      text: text, emotes: EmoteCatalog.ranges(in: text), cheering: bits > 0, mentions: { known[$0] },
      boundaries: boundaries
    ).pieces
  }

  @Test func plainTextIsOneFragment() {
    #expect(fragments("Hi chat") == [.init(kind: .text, text: "Hi chat")])
  }

  @Test func emotesSplitTheText() {
    let pieces = fragments("Hello, World! Kappa")
    #expect(pieces.map(\.text) == ["Hello, World! ", "Kappa"])
    #expect(pieces.last?.kind == .emote(id: "25"))
  }

  @Test func emotesCountUnicodeScalars() {
    let pieces = fragments("😂😂 Kappa ok")
    #expect(pieces.map(\.text) == ["😂😂 ", "Kappa", " ok"])
  }

  @Test func mentionsNeedAKnownUser() {
    let pieces = fragments("hey @bob, and @nobody", users: ["bob"])
    #expect(pieces.map(\.text) == ["hey ", "@bob", ", and @nobody"])
    guard case .mention(let user) = pieces[1].kind else {
      Issue.record("no mention")
      return
    }
    #expect(user.login == "bob")
  }

  @Test func cheermotesOnlyWithBits() {
    #expect(fragments("Cheer100 gg").map(\.kind) == [.text])
    let pieces = fragments("Cheer100 gg cheer5000", bits: 5100)
    #expect(
      pieces.map(\.kind) == [
        .cheermote(prefix: "cheer", bits: 100, tier: 100), .text, .cheermote(prefix: "cheer", bits: 5000, tier: 5000),
      ])
    #expect(pieces.first?.text == "Cheer100")
  }

  @Test(arguments: [(1, 1), (99, 1), (100, 100), (999, 100), (1000, 1000), (5000, 5000), (25_000, 10_000)])
  func cheermoteTiers(bits: Int, tier: Int) {
    #expect(ChatFragments.tier(forBits: bits) == tier)
  }

  @Test func automodBoundariesGetTheirOwnTextFragments() {
    // Twitch's capture: "😂 ass" held for "ass" at 2...4 arrives as "😂 " and "ass".
    let text = "😂 ass"
    let boundaries = ChatFragments.occurrences(of: "ass", in: text)
    #expect(boundaries == [2...4])
    #expect(fragments(text, boundaries: boundaries).map(\.text) == ["😂 ", "ass"])
    #expect(ChatFragments.occurrences(of: "FOO", in: "boobs Kappa 😂😂 foo private") == [15...17])
  }

  @Test func fragmentStylesDiffer() {
    let pieces = ChatFragments(text: "Kappa", emotes: EmoteCatalog.ranges(in: "Kappa"), cheering: false)
    let chat = pieces.json(.chat)
    let automod = pieces.json(.automod)
    guard case .array(let chatItems) = chat, case .array(let automodItems) = automod else {
      Issue.record("fragments are not arrays")
      return
    }
    #expect(
      chatItems.first?.text
        == #"{"type":"emote","text":"Kappa","cheermote":null,"emote":{"id":"25","emote_set_id":"0","owner_id":"0","format":["static"]},"mention":null}"#
    )
    #expect(
      automodItems.first?.text
        == #"{"type":"emote","text":"Kappa","cheermote":null,"emote":{"id":"25","emote_set_id":"0"}}"#)
  }

  @Test func settingsChangesBecomeOneActionEach() {
    var old = ChatSettings()
    old.slowModeWaitTime = 30
    var new = ChatSettings()
    new.emoteMode = true
    new.followerModeDuration = 10
    new.uniqueChatMode = true
    let actions = EventSubRenderer.moderationActions(from: old, to: new)
    #expect(actions.map(\.action) == ["emoteonly", "followers", "slowoff", "uniquechat"])
    #expect(actions[1].detail?.text == #"{"follow_duration_minutes":10}"#)
    #expect(actions[2].detail == nil)
    #expect(EventSubRenderer.moderationActions(from: new, to: new).isEmpty)
  }

  @Test func moderateEventHasEveryActionKey() throws {
    let world = SimWorld()
    let broadcaster = try world.createUser(login: "caster")
    let moderator = try world.createUser(login: "helper")
    let renderer = EventSubRenderer(world: world)
    let rendered = renderer.moderate(broadcaster, moderator, action: "clear", detail: nil)
    #expect(rendered.type == "channel.moderate")
    #expect(rendered.version == "2")
    #expect(rendered.event["action"] == .string("clear"))
    for key in EventSubRenderer.moderateActionKeys {
      #expect(rendered.event[key] == .null, "\(key) present and null")
    }
  }

  @Test func raidMatchesEitherEnd() throws {
    let world = SimWorld()
    let from = try world.createUser(login: "raider")
    let to = try world.createUser(login: "target")
    let raid = EventSubRenderer(world: world).raid(from, to, 42)
    func subscription(_ condition: [String: String]) -> EventSubSubscription {
      EventSubSubscription(
        id: "s", type: "channel.raid", version: "1", condition: condition, sessionID: "x", clientID: "c", userID: "u",
        status: "enabled", cost: 0, createdAt: Date())
    }
    #expect(raid.matches(subscription(["to_broadcaster_user_id": to.id])))
    #expect(raid.matches(subscription(["from_broadcaster_user_id": from.id])))
    #expect(!raid.matches(subscription(["to_broadcaster_user_id": from.id])))
  }

  @Test func heldMessageCarriesBlockedTermBoundaries() throws {
    let world = SimWorld()
    let broadcaster = try world.createUser(login: "caster")
    let viewer = try world.createUser(login: "viewer")
    try world.openChannel(broadcasterID: broadcaster.id)
    let term = try world.addBlockedTerm(channelID: broadcaster.id, moderatorID: broadcaster.id, text: "private")
    guard case .held(let held) = try world.sendChat(channelID: broadcaster.id, userID: viewer.id, text: "so Private ok")
    else {
      Issue.record("not held")
      return
    }
    var renderer = EventSubRenderer(world: world)
    let rendered = renderer.render(.automodHeld(held, sender: viewer, broadcaster: broadcaster))
    let event = try #require(rendered.first?.event)
    #expect(rendered.first?.type == "automod.message.hold")
    #expect(rendered.first?.version == "2")
    #expect(event["reason"] == .string("blocked_term"))
    #expect(event["automod"] == .null)
    #expect(
      event["blocked_term"]?.text
        == #"{"terms_found":[{"term_id":"\#(term.id)","owner_broadcaster_user_id":"\#(broadcaster.id)","owner_broadcaster_user_login":"caster","owner_broadcaster_user_name":"caster","boundary":{"start_pos":3,"end_pos":9}}]}"#
    )
    #expect(event["message"]?["fragments"].map { if case .array(let items) = $0 { items.count } else { 0 } } == 3)
  }

  @Test func timestampsHaveNanoseconds() {
    let date = Date(timeIntervalSince1970: 1_689_778_611.5)
    #expect(EventSubTime.rfc3339(date) == "2023-07-19T14:56:51.500000000Z")
  }

  @Test func jsonEscapes() {
    let value = EventSubJSON.object(["a\"b": .string("line\nbreak\u{1}\\"), "n": .null, "ok": .bool(true)])
    #expect(value.text == #"{"a\"b":"line\nbreak\u0001\\","n":null,"ok":true}"#)
  }
}
