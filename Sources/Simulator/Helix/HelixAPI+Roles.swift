import Foundation
import TwitchSimCore

/// Moderators and VIPs of a channel, and the channels a user moderates.
extension HelixAPI {
  var roleRoutes: [HelixRoute] {
    let manageMods = "channel:manage:moderators"
    let manageVIPs = "channel:manage:vips"
    return [
      HelixRoute(.get, "moderation/channels", scopes: ["user:read:moderated_channels"], Self.getModeratedChannels),
      HelixRoute(.get, "moderation/moderators", scopes: ["moderation:read", manageMods]) { call throws(SimError) in
        try Self.listRole(call, .moderator)
      },
      HelixRoute(.post, "moderation/moderators", scopes: [manageMods]) { call throws(SimError) in
        try Self.changeRole(call, .moderator, granted: true)
      },
      HelixRoute(.delete, "moderation/moderators", scopes: [manageMods]) { call throws(SimError) in
        try Self.changeRole(call, .moderator, granted: false)
      },
      HelixRoute(.get, "channels/vips", scopes: ["channel:read:vips", manageVIPs]) { call throws(SimError) in
        try Self.listRole(call, .vip)
      },
      HelixRoute(.post, "channels/vips", scopes: [manageVIPs]) { call throws(SimError) in
        try Self.changeRole(call, .vip, granted: true)
      },
      HelixRoute(.delete, "channels/vips", scopes: [manageVIPs]) { call throws(SimError) in
        try Self.changeRole(call, .vip, granted: false)
      },
    ]
  }

  /// Channels where `user_id` (the token's user) is a moderator, by broadcaster login.
  static func getModeratedChannels(_ call: HelixCall) throws(SimError) -> HelixReply {
    let userID = try call.requireTokenUser(is: "user_id")
    let first = try call.first(default: 20, max: 100)
    let channels = call.world.channelIDs.filter { call.world.channel($0)?.moderators.contains(userID) == true }
      .compactMap { call.world.user(id: $0) }.sorted { $0.login < $1.login }
    let page = try HelixCursor.page(channels, first: first, after: call.query["after"])
    return .page(page.items.map { .object(HelixJSON.identity($0, as: "broadcaster")) }, next: page.next)
  }

  /// The broadcaster's moderators or VIPs by login, optionally only some (`user_id`).
  static func listRole(_ call: HelixCall, _ role: ChatRole) throws(SimError) -> HelixReply {
    let broadcasterID = try call.requireTokenUser(is: "broadcaster_id")
    let channel = try call.channel(broadcasterID)
    let wanted = Set(try call.list("user_id")[0])
    let first = try call.first(default: 20, max: 100)
    let members = (role == .moderator ? channel.moderators : channel.vips)
      .filter { wanted.isEmpty || wanted.contains($0) }.compactMap { call.world.user(id: $0) }
      .sorted { $0.login < $1.login }
    let page = try HelixCursor.page(members, first: first, after: call.query["after"])
    return .page(page.items.map { .object(HelixJSON.identity($0)) }, next: page.next)
  }

  /// Adds or removes a moderator or a VIP, with Twitch's refusals.
  static func changeRole(_ call: HelixCall, _ role: ChatRole, granted: Bool) throws(SimError) -> HelixReply {
    let broadcasterID = try call.requireTokenUser(is: "broadcaster_id")
    let channel = try call.channel(broadcasterID)
    let userID = try call.require("user_id")
    guard call.world.user(id: userID) != nil, userID != broadcasterID else {
      throw .badRequest("The ID in user_id is not valid.")
    }
    let isModerator = channel.moderators.contains(userID)
    let isVIP = channel.vips.contains(userID)
    switch (role, granted) {
    case (.moderator, true):
      if isModerator { throw .badRequest("The user in user_id is already a moderator in the broadcaster's chat room.") }
      if isVIP {
        throw SimError(
          status: 422,
          message: "The user in user_id is a VIP. To make them a moderator, you must first remove them as a VIP.")
      }
      if channel.ban(of: userID, at: call.now) != nil {
        throw .badRequest("The user in user_id is banned from the broadcaster's chat room.")
      }
    case (.moderator, false):
      if !isModerator { throw .badRequest("The user in user_id is not a moderator in the broadcaster's chat room.") }
    case (_, true):
      if isVIP { throw SimError(status: 422, message: "The user in user_id is already a VIP.") }
      if isModerator {
        throw SimError(
          status: 422,
          message: "The user in user_id is a moderator. To make them a VIP, you must first remove them as a moderator.")
      }
    case (_, false):
      if !isVIP {
        throw SimError(status: 422, message: "The user in user_id is not a VIP in the broadcaster's channel.")
      }
    }
    try call.world.setRole(role, granted, userID: userID, in: broadcasterID, by: broadcasterID)
    let kind = (granted ? "add_" : "remove_") + (role == .moderator ? "moderator" : "vip")
    call.record(kind, channel: broadcasterID, ["user_id": .string(userID)])
    return .noContent
  }
}
