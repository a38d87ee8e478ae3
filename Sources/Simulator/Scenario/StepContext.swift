import Foundation
import Logging
import TwitchSimCore

/// One step being performed: where, when, with which generated accounts, and the helpers the
/// steps share (sending chat, logging refusals, spreading events over time).
struct StepContext: Sendable {
  let play: ScenarioPlay
  let entry: TimelineEntry
  /// The channel's broadcaster.
  let channel: SimUser
  /// Second of the pass the step started at.
  let start: Double
  /// The accounts generated for this step.
  let generated: [SimUser]

  var world: SimWorld { play.world }
  var logger: Logger { play.logger }

  func perform(_ step: ScenarioStep, random: inout SeededRandom) async throws {
    switch step {
    case .say(let say):
      guard let user = user(say.user) else { return }
      let replyTo = say.replyTo.flatMap { label in play.labels.withLock { $0[label] } }
      if let label = say.replyTo, replyTo == nil {
        logger.info(
          "Reply to a label with no message yet; sent as a plain message", metadata: meta(["sim.label": "\(label)"]))
      }
      let result = send(user, say.text, replyTo: replyTo, isAction: say.isAction, bits: say.bits)
      if let label = say.label, case .sent(let message) = result {
        play.labels.withLock { $0[label] = message.id }
      }
    case .automod(let say):
      guard let user = user(say.user) else { return }
      if case .sent = send(user, say.text) {
        logger.warning("AutoMod did not hold the message", metadata: meta(["sim.user": "\(user.login)"]))
      }
    case .slur(let slur):
      guard let user = user(slur.user) else { return }
      send(user, slur.text)
    case .caps(let caps):
      guard let user = user(caps.user) else { return }
      for (number, offset) in evenly(caps.count, over: caps.over).enumerated() {
        try await sleep(until: offset)
        send(user, caps.texts[number % caps.texts.count].uppercased())
      }
    case .chatter(let chatter): try await self.chatter(chatter, random: &random)
    case .spamWave(let wave): try await spamWave(wave, random: &random)
    case .copypasta(let pasta): try await copypasta(pasta, random: &random)
    case .raid(let raid): try await self.raid(raid, random: &random)
    case .freshAccounts(let fresh): try await freshAccounts(fresh, random: &random)
    case .flood(let flood): await self.flood(flood)
    case .sub(let sub), .resub(let sub): subscription(sub, kind: step.kind)
    case .announcement(let announcement):
      guard let user = user(announcement.user) else { return }
      attempt("announcement") { () throws(SimError) in
        try world.userNotice(
          kind: "announcement", userID: user.id, channelID: channel.id, params: ["color": announcement.color],
          systemMessage: "", text: fill(announcement.text))
      }
    case .follow(let follow):
      for login in follow.users {
        guard let user = user(login) else { continue }
        attempt("follow") { () throws(SimError) in try world.follow(userID: user.id, channelID: channel.id) }
      }
    case .goLive(let live):
      attempt("go_live") { () throws(SimError) in
        try world.goLive(channelID: channel.id, title: live.title, gameName: live.game, viewers: live.viewers)
      }
    case .goOffline:
      attempt("go_offline") { () throws(SimError) in try world.goOffline(channelID: channel.id) }
    case .ban(let action), .timeout(let action):
      guard let moderator = user(action.moderator), let user = user(action.user) else { return }
      attempt(step.kind) { () throws(SimError) in
        try world.ban(
          channelID: channel.id, userID: user.id, moderatorID: moderator.id, durationSeconds: action.duration,
          reason: action.reason)
      }
    case .chatSettings(let settings):
      guard let moderator = user(settings.moderator) else { return }
      attempt("chat_settings") { () throws(SimError) in
        try world.updateChatSettings(channelID: channel.id, moderatorID: moderator.id) { state in
          for change in settings.changes { change.apply(to: &state) }
        }
      }
    }
  }

  private func subscription(_ sub: ScenarioStep.Subscription, kind: String) {
    guard let user = user(sub.user) else { return }
    let tier = sub.plan == "Prime" ? "with Prime" : "at Tier \(sub.plan.prefix(1))"
    var system = "\(user.displayName) subscribed \(tier)."
    var params = [
      "cumulative-months": "\(sub.months)", "months": "0", "sub-plan": sub.plan,
      "sub-plan-name": "Channel Subscription (\(channel.login))", "should-share-streak": sub.streak == nil ? "0" : "1",
    ]
    if kind == "resub" {
      system += " They've subscribed for \(sub.months) months"
      if let streak = sub.streak {
        system += ", currently on a \(streak) month streak!"
        params["streak-months"] = "\(streak)"
      } else {
        system += "!"
      }
    }
    attempt(kind) { () throws(SimError) in
      try world.userNotice(
        kind: kind, userID: user.id, channelID: channel.id, params: params, systemMessage: system,
        text: sub.text.map(fill))
    }
  }

  // MARK: Helpers

  /// A declared user by login (logged when missing: a scenario built in code may be wrong).
  func user(_ login: String) -> SimUser? {
    if let user = play.setup.users[login] { return user }
    logger.error("Scenario step names an unknown user", metadata: meta(["sim.user": "\(login)"]))
    return nil
  }

  func sleep(until offset: Double) async throws { try await play.clock.sleep(until: start + offset) }

  /// Sends a chat message as `user`; a refusal is logged and answers `nil`.
  @discardableResult
  func send(
    _ user: SimUser, _ text: String, replyTo: String? = nil, isAction: Bool = false, bits: Int = 0
  ) -> ChatSendResult? {
    do {
      return try world.sendChat(
        channelID: channel.id, userID: user.id, text: fill(text), isAction: isAction, bits: bits,
        replyParentID: replyTo)
    } catch {
      logger.info(
        "Scenario message refused",
        metadata: meta([
          "sim.user": "\(user.login)", "sim.notice": "\(error.noticeID ?? "")", "sim.error": "\(error.message)",
        ])
      )
      return nil
    }
  }

  /// Runs a world operation, logging a refusal.
  func attempt(_ what: String, _ body: () throws(SimError) -> Void) {
    do {
      try body()
    } catch {
      logger.info(
        "Scenario action refused", metadata: meta(["sim.action": "\(what)", "sim.error": "\(error.message)"]))
    }
  }

  /// `{channel}` becomes the broadcaster's display name.
  func fill(_ text: String) -> String {
    text.contains("{channel}") ? TextMangling.fill(text, ["channel": channel.displayName]) : text
  }

  /// `count` offsets evenly spaced over `over` seconds, the first at 0.
  func evenly(_ count: Int, over: Double) -> [Double] {
    (0..<count).map { count > 1 ? over * Double($0) / Double(count - 1) : 0 }
  }

  /// `count` random offsets within `over` seconds, in order (bursty, like people).
  func scattered(_ count: Int, over: Double, from: Double = 0, random: inout SeededRandom) -> [Double] {
    (0..<count).map { _ in from + random.unit() * max(0, over - from) }.sorted()
  }

  func meta(_ extra: Logger.Metadata) -> Logger.Metadata {
    play.metadata(entry, channel.login).merging(extra) { $1 }
  }
}
