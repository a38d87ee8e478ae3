import Foundation
import Hummingbird
import HummingbirdWebSocket
import TwitchSimCore
import WardenProtocol

extension ControlAPI {
  func addAccountRoutes(to group: RouterGroup<Context>) {
    // POST /control/users {login, display_name?, created_at? (ISO 8601) | created_days_ago?, id?, color?}
    on(group, .post, "users") { _, body, _ in
      var created: Date?
      if let text = try body.optionalString("created_at") {
        guard let date = ISO8601DateFormatter().date(from: text) else {
          throw SimError.badRequest("'created_at' must be an ISO 8601 date like 2024-05-01T12:00:00Z")
        }
        created = date
      } else if let days = try body.optionalInt("created_days_ago") {
        created = world.now().addingTimeInterval(-Double(days) * 86_400)
      } else if let minutes = try body.optionalInt("created_minutes_ago") {
        created = world.now().addingTimeInterval(-Double(minutes) * 60)
      }
      let user = try world.createUser(
        login: try body.string("login"), displayName: try body.optionalString("display_name"), createdAt: created,
        id: try body.optionalString("id"), color: try body.optionalString("color"))
      return ControlReply.user(user)
    }
    on(group, .get, "users") { _, _, _ in
      .object(["users": .array(world.allUsers.map(ControlReply.user))])
    }
    // POST /control/channels {login}: opens the channel, creating the account if needed.
    on(group, .post, "channels") { _, body, _ in
      let login = try body.string("login")
      let broadcaster = try world.user(login: login) ?? world.createUser(login: login)
      try world.openChannel(broadcasterID: broadcaster.id)
      return ControlReply.user(broadcaster)
    }
    // POST /control/channels/{login}/roles {user, role: moderator|vip|subscriber, granted?, months?}
    on(group, .post, "channels/:login/roles") { _, body, context in
      let broadcaster = try channel(try context.parameters.require("login"))
      let member = try user(try body.string("user"))
      guard let role = ChatRole(rawValue: try body.string("role")) else {
        throw SimError.badRequest("'role' must be moderator, vip or subscriber")
      }
      try world.setRole(
        role, try body.bool("granted", default: true), userID: member.id, in: broadcaster.id,
        subscriberMonths: try body.int("months", default: 1))
      return ["ok": true]
    }
    // POST /control/channels/{login}/automod {terms: [...], suspicious: {login: status}}
    on(group, .post, "channels/:login/automod") { _, body, context in
      let broadcaster = try channel(try context.parameters.require("login"))
      let terms = try body.strings("terms").map { $0.lowercased() }
      var suspicious: [String: String] = [:]
      for (login, status) in try body.stringMap("suspicious") { suspicious[try user(login).id] = status }
      try world.configureChannel(broadcaster.id) { channel in
        channel.automodTerms.formUnion(terms)
        channel.suspiciousUsers.merge(suspicious) { _, new in new }
      }
      return ["ok": true]
    }
    // POST/DELETE /control/channels/{login}/live {title?, game?, viewers?}
    on(group, .post, "channels/:login/live") { _, body, context in
      let broadcaster = try channel(try context.parameters.require("login"))
      let stream = try world.goLive(
        channelID: broadcaster.id, title: try body.optionalString("title"), gameName: try body.optionalString("game"),
        viewers: try body.int("viewers", default: 0))
      return ["stream_id": .string(stream.id), "started_at": ControlReply.time(stream.startedAt)]
    }
    on(group, .delete, "channels/:login/live") { _, _, context in
      try world.goOffline(channelID: try channel(try context.parameters.require("login")).id)
      return ["ok": true]
    }
    // POST /control/apps {client_id, client_secret?, name?}: no secret makes a public client.
    on(group, .post, "apps") { _, body, _ in
      let app = world.registerApp(
        clientID: try body.string("client_id"), clientSecret: try body.optionalString("client_secret"),
        name: try body.optionalString("name") ?? "app")
      return ["client_id": .string(app.clientID), "public": .bool(app.isPublic)]
    }
    // POST /control/tokens {client_id, user? (login; absent: app token), scopes: [], lifetime_seconds?}
    on(group, .post, "tokens") { _, body, _ in
      let userID = try body.optionalString("user").map { login throws(SimError) in try user(login).id }
      let lifetime = try body.optionalInt("lifetime_seconds").map(TimeInterval.init)
      let token = try world.mintToken(
        clientID: try body.string("client_id"), userID: userID, scopes: try body.strings("scopes"), lifetime: lifetime)
      return ControlReply.token(token)
    }
    // GET /control/tokens?user=login&valid=true: tokens issued (by scenarios, flows or here), newest first.
    on(group, .get, "tokens") { request, _, _ in
      let query = request.uri.queryParameters
      let userID = try query.get("user").map { login throws(SimError) in try user(String(login)).id }
      let onlyValid = query.get("valid") != "false"
      let now = world.now()
      let tokens = world.allTokens.filter {
        (userID == nil || $0.userID == userID) && (!onlyValid || $0.isValid(at: now))
      }
      return ["tokens": .array(tokens.map(ControlReply.token))]
    }
    // POST /control/tokens/revoke {access_token}, /control/tokens/expire {access_token}
    on(group, .post, "tokens/revoke") { _, body, _ in
      guard world.revoke(accessToken: try body.string("access_token")) else {
        throw SimError.notFound("no such active token")
      }
      return ["ok": true]
    }
    on(group, .post, "tokens/expire") { _, body, _ in
      world.expire(accessToken: try body.string("access_token"))
      return ["ok": true]
    }
    // POST /control/token-lifetimes {user_seconds?, app_seconds?}
    on(group, .post, "token-lifetimes") { _, body, _ in
      world.setTokenLifetimes(
        user: try body.optionalInt("user_seconds").map(TimeInterval.init),
        app: try body.optionalInt("app_seconds").map(TimeInterval.init))
      return ["ok": true]
    }
    // GET /control/device-codes; POST /control/device-codes/approve {user_code, user, approve?}
    on(group, .get, "device-codes") { _, _, _ in
      .object([
        "device_codes": .array(
          world.pendingDeviceCodes.map {
            [
              "user_code": .string($0.userCode), "client_id": .string($0.clientID),
              "scopes": .array($0.scopes.map(JSONValue.string)),
            ]
          })
      ])
    }
    on(group, .post, "device-codes/approve") { _, body, _ in
      try world.approveDevice(
        userCode: try body.string("user_code"), userID: try user(try body.string("user")).id,
        approve: try body.bool("approve", default: true))
      return ["ok": true]
    }
  }
}
