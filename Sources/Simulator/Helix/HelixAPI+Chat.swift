import Foundation
import TwitchSimCore

/// `chat/chatters`, `chat/settings`, `chat/messages`, `chat/announcements`.
extension HelixAPI {
  var chatRoutes: [HelixRoute] {
    [
      HelixRoute(.get, "chat/chatters", scopes: ["moderator:read:chatters"], Self.getChatters),
      HelixRoute(.get, "chat/settings", Self.getChatSettings),
      HelixRoute(.patch, "chat/settings", scopes: ["moderator:manage:chat_settings"], Self.updateChatSettings),
      HelixRoute(.post, "chat/messages", scopes: ["user:write:chat"], Self.sendChatMessage),
      HelixRoute(.post, "chat/announcements", scopes: ["moderator:manage:announcements"], Self.sendAnnouncement),
    ]
  }

  /// Users in chat, 1 to 1,000 a page (default 100), with the `total`.
  static func getChatters(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, _) = try call.requireModerator()
    let first = try call.first(default: 100, max: 1000)
    let chatters = call.world.chatters(of: broadcasterID)
    let page = try HelixCursor.page(chatters, first: first, after: call.query["after"])
    return .page(
      page.items.map { .object(HelixJSON.identity($0)) }, next: page.next, ["total": .int(Int64(chatters.count))])
  }

  static func getChatSettings(_ call: HelixCall) throws(SimError) -> HelixReply {
    let broadcasterID = try call.require("broadcaster_id")
    let channel = try call.channel(broadcasterID)
    var moderatorID: String?
    if call.query["moderator_id"] != nil {
      let id = try call.requireTokenUser(is: "moderator_id")
      let readScopes = ["moderator:read:chat_settings", "moderator:manage:chat_settings"]
      if call.world.role(of: id, in: broadcasterID).isPrivileged && readScopes.contains(where: call.token.has(scope:)) {
        moderatorID = id
      }
    }
    return .data([HelixJSON.settings(channel.settings, broadcasterID: broadcasterID, moderatorID: moderatorID)])
  }

  /// Changes the fields the body names; the others stay as they are.
  static func updateChatSettings(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, moderatorID) = try call.requireModerator()
    let body = try call.bodyObject()
    let change = try ChatSettingsChange(body)
    let settings = try call.world.updateChatSettings(channelID: broadcasterID, moderatorID: moderatorID) {
      change.apply(to: &$0)
    }
    call.record("chat_settings", channel: broadcasterID, body)
    return .data([HelixJSON.settings(settings, broadcasterID: broadcasterID, moderatorID: moderatorID)])
  }

  /// Sends as the token's user. A message AutoMod holds, or chat refuses (banned, slow mode…),
  /// answers 200 with `is_sent: false` and a `drop_reason`, as Twitch does.
  static func sendChatMessage(_ call: HelixCall) throws(SimError) -> HelixReply {
    let body = try call.bodyObject()
    guard let broadcasterID = body.string("broadcaster_id") else {
      throw .badRequest("Missing required parameter \"broadcaster_id\"")
    }
    guard let senderID = body.string("sender_id") else { throw .badRequest("Missing required parameter \"sender_id\"") }
    guard let message = body.string("message"), !message.isEmpty else {
      throw .badRequest("Missing required parameter \"message\"")
    }
    guard senderID == call.token.userID else {
      throw .unauthorized("The ID in sender_id must match the user ID found in the request's OAuth token.")
    }
    guard message.count <= 500 else { throw SimError(status: 422, message: "The message is too large.") }
    _ = try call.channel(broadcasterID)
    let replyParent = body.string("reply_parent_message_id")
    var params: [String: JSONParam] = ["sender_id": .string(senderID), "message": .string(message)]
    if let replyParent { params["reply_parent_message_id"] = .string(replyParent) }
    let result: JSONParam
    do {
      switch try call.world.sendChat(
        channelID: broadcasterID, userID: senderID, text: message, replyParentID: replyParent)
      {
      case .sent(let sent):
        params["message_id"] = .string(sent.id)
        result = ["message_id": .string(sent.id), "is_sent": true, "drop_reason": .null]
      case .held:
        result = dropped("msg_rejected", "Your message is being checked by mods and has not been sent.")
      }
    } catch {
      guard let code = error.noticeID else { throw error }
      if code == "invalid_parent" {
        throw .badRequest("The request's input was not valid. Message cannot be replied to.")
      }
      result = dropped(code, error.message)
    }
    params["is_sent"] = result["is_sent"] ?? false
    call.record("send_message", channel: broadcasterID, params)
    return .data([result])

    func dropped(_ code: String, _ text: String) -> JSONParam {
      ["message_id": "", "is_sent": false, "drop_reason": ["code": .string(code), "message": .string(text)]]
    }
  }

  static let announcementColors = ["blue", "green", "orange", "purple", "primary"]

  static func sendAnnouncement(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, moderatorID) = try call.requireModerator()
    let body = try call.bodyObject()
    guard let message = body.string("message"), !message.isEmpty else {
      throw .badRequest("Missing required parameter \"message\"")
    }
    guard message.count <= 500 else { throw .badRequest("The message may contain at most 500 characters.") }
    let color = (body.string("color") ?? "primary").lowercased()
    guard announcementColors.contains(color) else { throw .badRequest("The value in the color field is not valid.") }
    try call.world.userNotice(
      kind: "announcement", userID: moderatorID, channelID: broadcasterID, params: ["color": color.uppercased()],
      systemMessage: "", text: message)
    call.record("announcement", channel: broadcasterID, ["message": .string(message), "color": .string(color)])
    return .noContent
  }
}
