import Foundation
import TwitchSimCore

/// Steps where many users post: background chatter, spam, copypasta, raids, fresh accounts,
/// floods.
extension StepContext {
  func chatter(_ chatter: ScenarioStep.Chatter, random: inout SeededRandom) async throws {
    let pool = chatter.users.isEmpty ? defaultChatters() : chatter.users.compactMap(user)
    guard !pool.isEmpty else {
      logger.warning("Chatter has nobody to chat", metadata: meta([:]))
      return
    }
    let interval = 1 / chatter.rate
    var recent: [(id: String, user: SimUser)] = []
    for number in 0..<Int((chatter.rate * chatter.duration).rounded()) {
      try await sleep(until: (Double(number) + random.unit() * 0.8) * interval)
      let user = random.pick(pool)
      var text = random.pick(chatter.lines)
      var parent: String?
      let others = recent.filter { $0.user.id != user.id }
      if !others.isEmpty, random.chance(chatter.replyChance) {
        let original = random.pick(others)
        parent = original.id
        text = "@\(original.user.displayName) " + random.pick(chatter.replyLines)
      }
      if case .sent(let message) = send(user, text, replyTo: parent) {
        recent.append((message.id, user))
        if recent.count > 8 { recent.removeFirst() }
      }
    }
  }

  /// Declared users who are no broadcaster and raid no channel.
  func defaultChatters() -> [SimUser] {
    var excluded = Set(play.scenario.channels.map(\.broadcaster))
    for entry in play.scenario.timeline {
      if case .raid(let raid) = entry.step { excluded.insert(raid.from) }
    }
    return play.scenario.users.map(\.login).filter { !excluded.contains($0) }.compactMap { play.setup.users[$0] }
  }

  func spamWave(_ wave: ScenarioStep.SpamWave, random: inout SeededRandom) async throws {
    guard !generated.isEmpty else { return }
    for (number, offset) in scattered(wave.messages, over: wave.over, random: &random).enumerated() {
      try await sleep(until: offset)
      let link = TextMangling.link(host: random.pick(wave.links), using: &random)
      var text = TextMangling.fill(random.pick(wave.texts), ["link": link])
      if wave.lookalikes { text = TextMangling.withLookalikes(text, share: 0.4, using: &random) }
      send(generated[number % generated.count], text)
    }
  }

  func copypasta(_ pasta: ScenarioStep.Copypasta, random: inout SeededRandom) async throws {
    let users = pasta.users.isEmpty ? generated : pasta.users.compactMap(user)
    for (user, offset) in zip(users, scattered(users.count, over: pasta.over, random: &random)) {
      try await sleep(until: offset)
      send(user, pasta.text)
    }
  }

  func raid(_ raid: ScenarioStep.Raid, random: inout SeededRandom) async throws {
    guard let from = user(raid.from) else { return }
    attempt("raid") { () throws(SimError) in
      try world.raid(fromID: from.id, toID: channel.id, viewers: raid.viewers)
    }
    for user in generated { world.setPresence(userID: user.id, in: channel.id, present: true) }
    // Raiders arrive a moment after the raid notice.
    let arrival = min(1, raid.over)
    for (user, offset) in zip(generated, scattered(generated.count, over: raid.over, from: arrival, random: &random)) {
      try await sleep(until: offset)
      send(user, TextMangling.fill(random.pick(raid.lines), ["from": from.displayName]))
    }
  }

  func freshAccounts(_ fresh: ScenarioStep.FreshAccounts, random: inout SeededRandom) async throws {
    for (user, offset) in zip(generated, scattered(generated.count, over: fresh.over, random: &random)) {
      try await sleep(until: offset)
      world.setPresence(userID: user.id, in: channel.id, present: true)
      if fresh.follow {
        attempt("follow") { () throws(SimError) in try world.follow(userID: user.id, channelID: channel.id) }
      }
      send(user, random.pick(fresh.lines))
    }
  }

  func flood(_ flood: ScenarioStep.Flood) async {
    guard let sink = play.runner.sink else {
      logger.warning("Flood step skipped: no IRC sink to flood", metadata: meta([:]))
      return
    }
    let report = await FloodDriver(logger: logger).flood(
      sink: sink, channelLogin: channel.login, linesPerSecond: flood.rate, duration: play.clock.real(flood.duration),
      source: .generated(users: generated, broadcaster: channel, texts: flood.lines))
    logger.info(
      "Flood done",
      metadata: meta([
        "sim.lines": "\(report.linesSent)", "sim.lines_per_second": "\(Int(report.linesPerSecond))",
      ]))
  }
}
