import Foundation
import TwitchSimCore

/// One authenticated Helix request as a handler sees it: the token, the query, the body and
/// the checks most endpoints share.
struct HelixCall: Sendable {
  let world: SimWorld
  let token: SimToken
  let query: FormFields
  let body: JSONParam?
  let now: Date

  // MARK: Query parameters

  /// A required query parameter, or Twitch's 400.
  func require(_ name: String) throws(SimError) -> String {
    guard let value = query[name] else { throw .badRequest("Missing required parameter \"\(name)\"") }
    return value
  }

  /// `first`: 1 through `max`, `defaultValue` when absent.
  func first(default defaultValue: Int, max: Int) throws(SimError) -> Int {
    guard let text = query["first"] else { return defaultValue }
    guard let value = Int(text), (1...max).contains(value) else {
      throw .badRequest("The value in the first query parameter must be an integer from 1 through \(max).")
    }
    return value
  }

  /// Repeated id-like parameters (`id`, `login`, `user_id`), at most `limit` in all.
  func list(_ names: String..., limit: Int = 100) throws(SimError) -> [[String]] {
    let lists = names.map { query.all($0) }
    guard lists.map(\.count).reduce(0, +) <= limit else {
      throw .badRequest("The request may specify at most \(limit) \(names.joined(separator: " and ")) parameters.")
    }
    return lists
  }

  // MARK: The token's user

  /// The token's user, who must be the user a parameter names (`moderator_id`,
  /// `broadcaster_id`, `user_id`), else Twitch's 401.
  func requireTokenUser(is parameter: String) throws(SimError) -> String {
    let id = try require(parameter)
    guard let userID = token.userID, userID == id else {
      throw .unauthorized("The ID in \(parameter) must match the user ID found in the request's OAuth token.")
    }
    return userID
  }

  /// A broadcaster with an open channel.
  func channel(_ broadcasterID: String) throws(SimError) -> SimChannel {
    guard let channel = world.channel(broadcasterID) else {
      throw .badRequest("The ID in broadcaster_id is not valid.")
    }
    return channel
  }

  /// `moderator_id` is the token's user, and a moderator (or the broadcaster) of the channel
  /// in `broadcaster_id`. Returns both ids.
  func requireModerator() throws(SimError) -> (broadcasterID: String, moderatorID: String) {
    let broadcasterID = try require("broadcaster_id")
    let moderatorID = try requireTokenUser(is: "moderator_id")
    _ = try channel(broadcasterID)
    guard world.role(of: moderatorID, in: broadcasterID).isPrivileged else {
      throw .forbidden("The user in moderator_id is not one of the broadcaster's moderators.")
    }
    return (broadcasterID, moderatorID)
  }

  // MARK: Body

  /// The body as a JSON object, or Twitch's 400.
  func bodyObject() throws(SimError) -> [String: JSONParam] {
    guard let object = body?.objectValue else { throw .badRequest("The request body must be a JSON object.") }
    return object
  }

  /// The `data` object of bodies shaped `{"data":{…}}` (bans, warnings).
  func bodyData() throws(SimError) -> [String: JSONParam] {
    guard let data = try bodyObject()["data"]?.objectValue else {
      throw .badRequest("Missing required parameter \"data\"")
    }
    return data
  }

  // MARK: Recording

  /// Logs a mutating action the world accepted.
  func record(_ kind: String, channel: String?, _ params: [String: JSONParam]) {
    world.record(
      kind, via: "helix", channelID: channel, actorID: token.userID, clientID: token.clientID, params: params)
  }
}

extension Dictionary where Key == String, Value == JSONParam {
  /// A string field; `nil` when absent, null or not a string.
  func string(_ key: String) -> String? { self[key]?.stringValue }

  /// A boolean field, or Twitch's 400 when present with another type.
  func bool(_ key: String) throws(SimError) -> Bool? {
    guard let value = self[key], value != .null else { return nil }
    guard let bool = value.boolValue else { throw .badRequest("The \(key) field must be a boolean.") }
    return bool
  }

  /// An integer field (a number or a numeric string), or Twitch's 400.
  func int(_ key: String) throws(SimError) -> Int? {
    guard let value = self[key], value != .null else { return nil }
    if let int = value.intValue { return Int(int) }
    if let text = value.stringValue, let int = Int(text) { return int }
    throw .badRequest("The \(key) field must be an integer.")
  }
}
