import Foundation
import TwitchSimCore

/// Bans, timeouts, deletions, warnings, shield mode and held AutoMod messages.
extension HelixAPI {
  var moderationRoutes: [HelixRoute] {
    let banned = ["moderation:read", "moderator:manage:banned_users", "moderator:read:banned_users"]
    return [
      HelixRoute(.post, "moderation/bans", scopes: ["moderator:manage:banned_users"], Self.banUser),
      HelixRoute(.delete, "moderation/bans", scopes: ["moderator:manage:banned_users"], Self.unbanUser),
      HelixRoute(.get, "moderation/banned", scopes: banned, Self.getBannedUsers),
      HelixRoute(.delete, "moderation/chat", scopes: ["moderator:manage:chat_messages"], Self.deleteChatMessages),
      HelixRoute(.post, "moderation/warnings", scopes: ["moderator:manage:warnings"], Self.warnUser),
      HelixRoute(
        .get, "moderation/shield_mode", scopes: ["moderator:read:shield_mode", "moderator:manage:shield_mode"],
        Self.getShieldMode),
      HelixRoute(.put, "moderation/shield_mode", scopes: ["moderator:manage:shield_mode"], Self.updateShieldMode),
      HelixRoute(.post, "moderation/automod/message", scopes: ["moderator:manage:automod"], Self.manageHeldMessage),
    ]
  }

  /// Bans (no `duration`) or times out (`duration` seconds) the user in the body's `data`.
  static func banUser(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, moderatorID) = try call.requireModerator()
    let data = try call.bodyData()
    guard let userID = data.string("user_id") else { throw .badRequest("Missing required parameter \"user_id\"") }
    guard call.world.user(id: userID) != nil else {
      throw .badRequest("The user specified in the user_id field does not exist.")
    }
    let duration = try data.int("duration")
    let reason = data.string("reason") ?? ""
    guard reason.count <= 500 else { throw .badRequest("The text in the reason field is too long.") }
    let ban = try call.world.ban(
      channelID: broadcasterID, userID: userID, moderatorID: moderatorID, durationSeconds: duration, reason: reason)
    var params: [String: JSONParam] = ["user_id": .string(userID), "reason": .string(reason)]
    if let duration { params["duration"] = .int(Int64(duration)) }
    call.record(duration == nil ? "ban" : "timeout", channel: broadcasterID, params)
    return .data([
      [
        "broadcaster_id": .string(broadcasterID), "moderator_id": .string(moderatorID), "user_id": .string(userID),
        "created_at": .string(HelixTime.string(ban.createdAt)),
        "end_time": ban.expiresAt.map { .string(HelixTime.string($0)) } ?? .null,
      ]
    ])
  }

  static func unbanUser(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, moderatorID) = try call.requireModerator()
    let userID = try call.require("user_id")
    guard call.world.user(id: userID) != nil else {
      throw .badRequest("The user specified in the user_id field does not exist.")
    }
    try call.world.unban(channelID: broadcasterID, userID: userID, moderatorID: moderatorID)
    call.record("unban", channel: broadcasterID, ["user_id": .string(userID)])
    return .noContent
  }

  /// Bans and timeouts in force, newest first, optionally of some users (`user_id`). The
  /// broadcaster's token, or (a simplification) a moderator's.
  static func getBannedUsers(_ call: HelixCall) throws(SimError) -> HelixReply {
    let broadcasterID = try call.require("broadcaster_id")
    let channel = try call.channel(broadcasterID)
    guard let userID = call.token.userID, call.world.role(of: userID, in: broadcasterID).isPrivileged else {
      throw .unauthorized("The ID in broadcaster_id must match the user ID found in the request's OAuth token.")
    }
    let wanted = Set(try call.list("user_id")[0])
    let first = try call.first(default: 20, max: 100)
    let bans = channel.bans.values.filter { channel.ban(of: $0.userID, at: call.now) != nil }
      .filter { wanted.isEmpty || wanted.contains($0.userID) }
      .sorted { ($0.createdAt, $0.userID) > ($1.createdAt, $1.userID) }
    let page = try HelixCursor.page(bans, first: first, after: call.query["after"])
    let items = page.items.compactMap { ban -> JSONParam? in
      guard let user = call.world.user(id: ban.userID), let moderator = call.world.user(id: ban.moderatorID) else {
        return nil
      }
      var object = HelixJSON.identity(user).merging(HelixJSON.identity(moderator, as: "moderator")) { $1 }
      object["reason"] = .string(ban.reason)
      object["created_at"] = .string(HelixTime.string(ban.createdAt))
      object["expires_at"] = .string(ban.expiresAt.map(HelixTime.string) ?? "")
      return .object(object)
    }
    return .page(items, next: page.next)
  }

  /// Deletes `message_id`, or without it clears the chat.
  static func deleteChatMessages(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, moderatorID) = try call.requireModerator()
    let messageID = call.query["message_id"]
    try call.world.deleteChat(channelID: broadcasterID, messageID: messageID, moderatorID: moderatorID)
    if let messageID {
      call.record("delete_message", channel: broadcasterID, ["message_id": .string(messageID)])
    } else {
      call.record("clear_chat", channel: broadcasterID, [:])
    }
    return .noContent
  }

  static func warnUser(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, moderatorID) = try call.requireModerator()
    let data = try call.bodyData()
    guard let userID = data.string("user_id") else { throw .badRequest("Missing required parameter \"user_id\"") }
    guard let reason = data.string("reason") else { throw .badRequest("Missing required parameter \"reason\"") }
    guard call.world.user(id: userID) != nil else {
      throw .badRequest("The user specified in the user_id field does not exist.")
    }
    try call.world.warn(channelID: broadcasterID, userID: userID, moderatorID: moderatorID, reason: reason)
    call.record("warn", channel: broadcasterID, ["user_id": .string(userID), "reason": .string(reason)])
    return .data([
      [
        "broadcaster_id": .string(broadcasterID), "user_id": .string(userID), "moderator_id": .string(moderatorID),
        "reason": .string(reason),
      ]
    ])
  }

  static func getShieldMode(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, _) = try call.requireModerator()
    return .data([shieldStatus(call, broadcasterID)])
  }

  static func updateShieldMode(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, moderatorID) = try call.requireModerator()
    guard let active = try call.bodyObject().bool("is_active") else {
      throw .badRequest("Missing required parameter \"is_active\"")
    }
    try call.world.setShieldMode(channelID: broadcasterID, moderatorID: moderatorID, active: active)
    call.record("shield_mode", channel: broadcasterID, ["is_active": .bool(active)])
    return .data([shieldStatus(call, broadcasterID)])
  }

  /// Shield mode's state; who activated it last and when come from the actions log.
  private static func shieldStatus(_ call: HelixCall, _ broadcasterID: String) -> JSONParam {
    let active = call.world.channel(broadcasterID)?.shieldMode ?? false
    let activation = call.world.actions(kind: "shield_mode").last {
      $0.channelID == broadcasterID && $0.params["is_active"]?.boolValue == true
    }
    var object: [String: JSONParam] = [
      "is_active": .bool(active), "moderator_id": "", "moderator_login": "", "moderator_name": "",
      "last_activated_at": "",
    ]
    if let activation, let moderator = activation.actorID.flatMap({ call.world.user(id: $0) }) {
      object.merge(HelixJSON.identity(moderator, as: "moderator")) { $1 }
      object["last_activated_at"] = .string(HelixTime.string(activation.at))
    }
    return .object(object)
  }

  /// `ALLOW` or `DENY` a held message; `user_id` is the moderator acting.
  static func manageHeldMessage(_ call: HelixCall) throws(SimError) -> HelixReply {
    let body = try call.bodyObject()
    guard let moderatorID = body.string("user_id") else { throw .badRequest("Missing required parameter \"user_id\"") }
    guard let messageID = body.string("msg_id") else { throw .badRequest("Missing required parameter \"msg_id\"") }
    guard let action = body.string("action")?.uppercased(), action == "ALLOW" || action == "DENY" else {
      throw .badRequest("The value in the action field is not valid.")
    }
    guard moderatorID == call.token.userID else {
      throw .unauthorized("The ID in user_id must match the user ID found in the request's OAuth token.")
    }
    guard let channelID = call.world.channelIDs.first(where: { call.world.channel($0)?.held[messageID] != nil }) else {
      throw .notFound("The message specified in the msg_id field was not found.")
    }
    guard call.world.role(of: moderatorID, in: channelID).isPrivileged else {
      throw .forbidden("The user in user_id is not one of the broadcaster's moderators.")
    }
    if call.world.channel(channelID)?.held[messageID]?.status != nil {
      throw .badRequest("The message specified in the msg_id field is no longer pending review.")
    }
    try call.world.resolveHeld(
      channelID: channelID, messageID: messageID, moderatorID: moderatorID, approve: action == "ALLOW")
    call.record(
      action == "ALLOW" ? "automod_approve" : "automod_deny", channel: channelID,
      ["msg_id": .string(messageID), "user_id": .string(moderatorID), "action": .string(action)])
    return .noContent
  }
}
