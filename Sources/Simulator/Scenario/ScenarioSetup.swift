import TwitchSimCore

/// What loading a scenario created: the accounts by login, the channels, and the tokens it
/// minted (for the server to print or expose, so a daemon under test can use them).
public struct ScenarioSetup: Sendable {
  /// Declared users by login.
  public var users: [String: SimUser]
  /// Broadcasters of the declared channels, by login.
  public var channels: [String: SimUser]
  public var apps: [SimApp]
  public var tokens: [MintedToken]
  /// Accounts generated for steps (raiders, spam bots, fresh accounts …), by the index of the
  /// step's entry in the timeline.
  public var generatedUsers: [Int: [SimUser]]

  public init(
    users: [String: SimUser] = [:], channels: [String: SimUser] = [:], apps: [SimApp] = [], tokens: [MintedToken] = [],
    generatedUsers: [Int: [SimUser]] = [:]
  ) {
    self.users = users
    self.channels = channels
    self.apps = apps
    self.tokens = tokens
    self.generatedUsers = generatedUsers
  }

  /// A declared or generated user.
  public func user(_ login: String) -> SimUser? {
    users[login] ?? generatedUsers.values.lazy.flatMap { $0 }.first { $0.login == login }
  }

  /// A minted token by its name in the scenario.
  public func token(named name: String) -> MintedToken? { tokens.first { $0.name == name } }
}

/// A token the scenario asked for, as minted.
public struct MintedToken: Sendable, Hashable {
  /// The token's `name` in the scenario.
  public var name: String
  /// The user's login; `nil` for an app token.
  public var login: String?
  public var token: SimToken

  public init(name: String, login: String?, token: SimToken) {
    self.name = name
    self.login = login
    self.token = token
  }
}
