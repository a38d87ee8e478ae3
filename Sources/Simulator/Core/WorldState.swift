import Foundation

/// The world's data; only touched under `SimWorld.state`'s lock.
struct WorldState {
  var users: [String: SimUser] = [:]
  var userIDsByLogin: [String: String] = [:]
  var channels: [String: SimChannel] = [:]
  var apps: [String: SimApp] = [:]
  var tokens: [String: SimToken] = [:]
  /// Access token by refresh token.
  var refreshTokens: [String: String] = [:]
  var deviceCodes: [String: SimDeviceCode] = [:]
  var authorizationCodes: [String: SimAuthorizationCode] = [:]
  var actions: [RecordedAction] = []
  /// Open EventSub WebSocket sessions and when they connected.
  var eventSubSessions: [String: Date] = [:]
  var subscriptions: [String: EventSubSubscription] = [:]
  var helixFaults = HelixFaults()
  /// Seconds a new user access token lives (Twitch: about four hours).
  var userTokenLifetime: TimeInterval = 14_400
  /// Seconds a new app access token lives (Twitch: about 60 days).
  var appTokenLifetime: TimeInterval = 5_184_000
  var lastUserID = 100_000_000
  var lastStreamID = 40_000_000_000

  mutating func nextUserID() -> String {
    lastUserID += 1
    while users["\(lastUserID)"] != nil { lastUserID += 1 }
    return "\(lastUserID)"
  }

  mutating func nextStreamID() -> String {
    lastStreamID += 1
    return "\(lastStreamID)"
  }

  func role(of userID: String, in broadcasterID: String) -> ChatRole {
    guard let channel = channels[broadcasterID] else { return .viewer }
    if userID == broadcasterID { return .broadcaster }
    if channel.moderators.contains(userID) { return .moderator }
    if channel.vips.contains(userID) { return .vip }
    if channel.subscriberMonths[userID] != nil { return .subscriber }
    return .viewer
  }

  func badges(of userID: String, in broadcasterID: String) -> [SimBadge] {
    guard let channel = channels[broadcasterID] else { return [] }
    var badges: [SimBadge] = []
    switch role(of: userID, in: broadcasterID) {
    case .broadcaster: badges.append(SimBadge(setID: "broadcaster", version: "1"))
    case .moderator: badges.append(SimBadge(setID: "moderator", version: "1"))
    case .vip: badges.append(SimBadge(setID: "vip", version: "1"))
    case .subscriber, .viewer: break
    }
    if let months = channel.subscriberMonths[userID] {
      let version = months >= 12 ? "12" : months >= 6 ? "6" : months >= 3 ? "3" : "0"
      badges.append(SimBadge(setID: "subscriber", version: version, info: "\(months)"))
    }
    return badges
  }
}
