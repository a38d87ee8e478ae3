import Foundation
import Logging
import Synchronization

/// Everything the simulated Twitch knows, behind one lock: accounts, channels, tokens, chat,
/// moderation state and the log of actions that reached it. Changes publish `SimEvent`s on
/// `hub`, from which the IRC and EventSub surfaces render what clients see.
public final class SimWorld: Sendable {
  public let hub = SimEventHub()
  let state = Mutex(WorldState())
  public let logger: Logger

  public init(logger: Logger = Logger(label: "twitch-sim")) {
    self.logger = logger
  }

  /// The clock the world runs on (real time).
  public func now() -> Date { Date() }

  // MARK: Users

  /// Creates an account. `id` is assigned when `nil`; the login must be new and `[a-z0-9_]`.
  @discardableResult
  public func createUser(
    login: String, displayName: String? = nil, createdAt: Date? = nil, id: String? = nil, color: String? = nil,
    broadcasterType: String = ""
  ) throws(SimError) -> SimUser {
    let login = login.lowercased()
    guard !login.isEmpty, login.utf8.count <= 25, login.utf8.allSatisfy(Self.isLoginByte) else {
      throw .badRequest("Invalid login '\(login)': use 1 to 25 characters a-z, 0-9 and _")
    }
    let created = createdAt ?? now()
    return try state.withLock { state throws(SimError) in
      guard state.userIDsByLogin[login] == nil else { throw SimError(status: 409, message: "login '\(login)' exists") }
      let userID = id ?? state.nextUserID()
      guard state.users[userID] == nil else { throw SimError(status: 409, message: "user id \(userID) exists") }
      let user = SimUser(
        id: userID, login: login, displayName: displayName ?? login, createdAt: created,
        broadcasterType: broadcasterType, color: color)
      state.users[userID] = user
      state.userIDsByLogin[login] = userID
      return user
    }
  }

  public func user(id: String) -> SimUser? { state.withLock { $0.users[id] } }

  public func user(login: String) -> SimUser? {
    state.withLock { state in state.userIDsByLogin[login.lowercased()].flatMap { state.users[$0] } }
  }

  public var allUsers: [SimUser] { state.withLock { Array($0.users.values) }.sorted { $0.id < $1.id } }

  // MARK: Channels

  /// Opens a channel for an existing user (idempotent).
  @discardableResult
  public func openChannel(broadcasterID: String) throws(SimError) -> SimUser {
    try state.withLock { state throws(SimError) in
      guard let user = state.users[broadcasterID] else { throw .notFound("no user with id \(broadcasterID)") }
      if state.channels[broadcasterID] == nil {
        state.channels[broadcasterID] = SimChannel(broadcasterID: broadcasterID)
      }
      return user
    }
  }

  /// A copy of a channel's state.
  public func channel(_ broadcasterID: String) -> SimChannel? { state.withLock { $0.channels[broadcasterID] } }

  public func channel(login: String) -> SimChannel? {
    state.withLock { state in state.userIDsByLogin[login.lowercased()].flatMap { state.channels[$0] } }
  }

  public var channelIDs: [String] { state.withLock { Array($0.channels.keys) }.sorted() }

  /// A user's role in a channel.
  public func role(of userID: String, in broadcasterID: String) -> ChatRole {
    state.withLock { $0.role(of: userID, in: broadcasterID) }
  }

  /// Grants or removes a role (`moderator`, `vip`, `subscriber`). With a moderator, publishes
  /// the change as a moderation action.
  public func setRole(
    _ role: ChatRole, _ granted: Bool, userID: String, in broadcasterID: String, by moderatorID: String? = nil,
    subscriberMonths: Int = 1
  ) throws(SimError) {
    let event: SimEvent? = try state.withLock { state throws(SimError) in
      guard state.channels[broadcasterID] != nil else { throw .notFound("no channel \(broadcasterID)") }
      guard let user = state.users[userID] else { throw .notFound("no user with id \(userID)") }
      switch role {
      case .moderator: toggle(&state.channels[broadcasterID]!.moderators, userID, granted)
      case .vip: toggle(&state.channels[broadcasterID]!.vips, userID, granted)
      case .subscriber: state.channels[broadcasterID]!.subscriberMonths[userID] = granted ? subscriberMonths : nil
      case .broadcaster, .viewer: throw .badRequest("role \(role) cannot be granted")
      }
      guard let moderatorID, let moderator = state.users[moderatorID], role != .subscriber else { return nil }
      let action = (granted ? "" : "un") + (role == .moderator ? "mod" : "vip")
      return .roleChanged(
        broadcaster: state.users[broadcasterID]!, user: user, moderator: moderator, action: action)
    }
    if let event { hub.publish(event) }

    func toggle(_ set: inout Set<String>, _ id: String, _ on: Bool) {
      if on { set.insert(id) } else { set.remove(id) }
    }
  }

  /// Badges a user shows in a channel.
  public func badges(of userID: String, in broadcasterID: String) -> [SimBadge] {
    state.withLock { $0.badges(of: userID, in: broadcasterID) }
  }

  static func isLoginByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || byte == UInt8(ascii: "_")
  }
}
