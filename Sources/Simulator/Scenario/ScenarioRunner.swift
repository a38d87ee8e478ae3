import Foundation
import Logging
import Synchronization
import TwitchSimCore

/// Plays scenarios against a `SimWorld`: `load` creates what exists before the timeline
/// starts, `run` performs the timeline's steps on a clock through the world's own operations
/// (`sendChat`, `userNotice`, `raid` …), so every surface sees them as it would see Twitch's.
/// Only `flood` steps bypass the world, through the IRC surface's `ChatLineSink`.
public final class ScenarioRunner: Sendable {
  public let world: SimWorld
  public let sink: (any ChatLineSink)?
  let logger: Logger
  private let loaded = Mutex<(scenario: Scenario, setup: ScenarioSetup)?>(nil)

  /// `sink` is the IRC surface, for `flood` steps; without one they are skipped with a warning.
  public init(world: SimWorld, sink: (any ChatLineSink)?, logger: Logger) {
    self.world = world
    self.sink = sink
    self.logger = logger
  }

  /// Creates the scenario's users (and the accounts its steps generate), channels with their
  /// settings and roles, apps and tokens. Logins that already exist are reused as they are, so
  /// loading twice is harmless. Returns what was created, with the minted tokens.
  @discardableResult
  public func load(_ scenario: Scenario) throws(ScenarioError) -> ScenarioSetup {
    let now = world.now()
    var setup = ScenarioSetup()
    func refused(_ what: String, _ error: SimError) -> ScenarioError {
      ScenarioError(
        code: .refused, source: scenario.source, line: nil, column: nil, message: "\(what): \(error.message)")
    }
    do throws(SimError) {
      for user in scenario.users {
        if let existing = world.user(login: user.login) {
          setup.users[user.login] = existing
          continue
        }
        setup.users[user.login] = try world.createUser(
          login: user.login, displayName: user.displayName, createdAt: user.created.date(relativeTo: now),
          color: user.color, broadcasterType: user.broadcasterType)
      }
      for channel in scenario.channels {
        guard let broadcaster = setup.users[channel.broadcaster] else { continue }
        try world.openChannel(broadcasterID: broadcaster.id)
        try configure(channel, broadcaster: broadcaster, users: setup.users)
        setup.channels[channel.broadcaster] = broadcaster
      }
      for user in scenario.users {
        for (channelLogin, grant) in user.roles.sorted(by: { $0.key < $1.key }) {
          guard let id = setup.users[user.login]?.id, let channel = setup.channels[channelLogin] else { continue }
          if grant.moderator { try world.setRole(.moderator, true, userID: id, in: channel.id) }
          if grant.vip { try world.setRole(.vip, true, userID: id, in: channel.id) }
          if let months = grant.subscriberMonths {
            try world.setRole(.subscriber, true, userID: id, in: channel.id, subscriberMonths: months)
          }
        }
      }
      for app in scenario.apps {
        setup.apps.append(world.registerApp(clientID: app.clientID, clientSecret: app.secret, name: app.name))
      }
      for token in scenario.tokens {
        let minted = try world.mintToken(
          clientID: token.clientID, userID: token.user.flatMap { setup.users[$0]?.id }, scopes: token.scopes,
          lifetime: token.lifetime)
        setup.tokens.append(MintedToken(name: token.name, login: token.user, token: minted))
      }
      setup.generatedUsers = try generateAccounts(scenario, now: now)
      for channel in scenario.channels where channel.live {
        guard let broadcaster = setup.channels[channel.broadcaster] else { continue }
        try world.goLive(
          channelID: broadcaster.id, title: channel.title, gameName: channel.game, viewers: channel.viewers)
      }
    } catch {
      throw refused("loading scenario '\(scenario.name)'", error)
    }
    let generated = setup.generatedUsers.values.map(\.count).reduce(0, +)
    logger.info(
      "Scenario loaded",
      metadata: [
        "sim.scenario": "\(scenario.name)", "sim.users": "\(setup.users.count)", "sim.generated_users": "\(generated)",
        "sim.channels": "\(setup.channels.count)", "sim.tokens": "\(setup.tokens.count)",
      ])
    loaded.withLock { $0 = (scenario, setup) }
    return setup
  }

  /// The setup of `scenario` if it is the one loaded last, else loads it.
  func setup(for scenario: Scenario) throws(ScenarioError) -> ScenarioSetup {
    if let (last, setup) = loaded.withLock({ $0 }), last == scenario { return setup }
    return try load(scenario)
  }

  private func configure(_ channel: ScenarioChannel, broadcaster: SimUser, users: [String: SimUser]) throws(SimError) {
    try world.configureChannel(broadcaster.id) { state in
      if let title = channel.title { state.title = title }
      if let game = channel.game { state.gameName = game }
      if let gameID = channel.gameID { state.gameID = gameID }
      if let language = channel.language { state.language = language }
      for change in channel.chat { change.apply(to: &state.settings) }
      state.automodTerms.formUnion(channel.automodTerms)
      for (login, status) in channel.suspiciousUsers {
        if let id = users[login]?.id { state.suspiciousUsers[id] = status }
      }
    }
    for term in channel.blockedTerms {
      try world.addBlockedTerm(channelID: broadcaster.id, moderatorID: broadcaster.id, text: term)
    }
  }

  private func generateAccounts(_ scenario: Scenario, now: Date) throws(SimError) -> [Int: [SimUser]] {
    var taken = Set(scenario.users.map(\.login))
    var generated: [Int: [SimUser]] = [:]
    for (index, entry) in scenario.timeline.enumerated() {
      guard let accounts = entry.step.generatedAccounts else { continue }
      var generator = AccountGenerator(
        random: SeededRandom(seed: scenario.seed, stream: 1, UInt64(index)), taken: taken)
      var users: [SimUser] = []
      for _ in 0..<accounts.count {
        // Every draw happens whether the account exists or not, so a reload makes the same logins.
        let login = generator.login(accounts.style)
        let displayName = generator.displayName(for: login, accounts.style)
        let createdAt = generator.createdAt(accounts, now: now)
        let color = generator.color(accounts.style)
        if let user = world.user(login: login) {
          users.append(user)
          continue
        }
        users.append(
          try world.createUser(login: login, displayName: displayName, createdAt: createdAt, color: color))
      }
      taken = generator.taken
      generated[index] = users
    }
    return generated
  }
}
