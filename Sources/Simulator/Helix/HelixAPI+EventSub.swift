import Foundation
import TwitchSimCore

/// `POST`, `GET` and `DELETE eventsub/subscriptions`, for the WebSocket transport.
extension HelixAPI {
  var eventSubRoutes: [HelixRoute] {
    [
      HelixRoute(.post, "eventsub/subscriptions", Self.createSubscription),
      HelixRoute(.get, "eventsub/subscriptions", Self.getSubscriptions),
      HelixRoute(.delete, "eventsub/subscriptions", Self.deleteSubscription),
    ]
  }

  /// Creates a subscription on an open session: 202 with the subscription and the costs.
  static func createSubscription(_ call: HelixCall) throws(SimError) -> HelixReply {
    let body = try call.bodyObject()
    guard let type = body.string("type") else { throw .badRequest("Missing required parameter \"type\"") }
    guard let version = body.string("version") else { throw .badRequest("Missing required parameter \"version\"") }
    guard let conditionObject = body["condition"]?.objectValue else {
      throw .badRequest("Missing required parameter \"condition\"")
    }
    guard let transport = body["transport"]?.objectValue else {
      throw .badRequest("Missing required parameter \"transport\"")
    }
    guard transport.string("method") == "websocket" else {
      throw .badRequest("The value in the transport.method field is not valid.")
    }
    guard let sessionID = transport.string("session_id") else {
      throw .badRequest("Missing required parameter \"transport.session_id\"")
    }
    let condition = conditionObject.compactMapValues(\.stringValue)
    let subscription = try call.world.createEventSubSubscription(
      type: type, version: version, condition: condition, sessionID: sessionID, token: call.token)
    call.record(
      "eventsub_subscribe", channel: condition["broadcaster_user_id"] ?? condition["to_broadcaster_user_id"],
      [
        "id": .string(subscription.id), "type": .string(type), "version": .string(version),
        "condition": .object(conditionObject), "session_id": .string(sessionID),
      ])
    var reply = summary(call, [subscription])
    reply.status = .accepted
    return reply
  }

  /// The subscriptions of the token's client and user, filtered by `status`, `type` or
  /// `subscription_id`.
  static func getSubscriptions(_ call: HelixCall) throws(SimError) -> HelixReply {
    let filters = [
      ("status", \EventSubSubscription.status), ("type", \.type), ("subscription_id", \.id),
    ].compactMap { name, path in call.query[name].map { (path, $0) } }
    guard filters.count <= 1 else {
      throw .badRequest("The request may specify only one of the status, type or subscription_id parameters.")
    }
    if let userID = call.query["user_id"], userID != call.token.userID {
      return summary(call, [])
    }
    let all = call.world.eventSubSubscriptions(clientID: call.token.clientID, userID: call.token.userID)
    let chosen = all.filter { subscription in filters.allSatisfy { subscription[keyPath: $0.0] == $0.1 } }
    let page = try HelixCursor.page(chosen, first: 100, after: call.query["after"])
    var reply = summary(call, Array(page.items))
    reply.body = reply.body.flatMap { body in
      guard var object = body.objectValue else { return body }
      object["pagination"] = page.next.map { ["cursor": .string($0)] } ?? [:]
      return .object(object)
    }
    return reply
  }

  static func deleteSubscription(_ call: HelixCall) throws(SimError) -> HelixReply {
    let id = try call.require("id")
    try call.world.deleteEventSubSubscription(id: id, clientID: call.token.clientID)
    call.record("eventsub_unsubscribe", channel: nil, ["id": .string(id)])
    return .noContent
  }

  /// `data` plus `total`, `total_cost` and `max_total_cost` over all the token's subscriptions.
  private static func summary(_ call: HelixCall, _ items: [EventSubSubscription]) -> HelixReply {
    let all = call.world.eventSubSubscriptions(clientID: call.token.clientID, userID: call.token.userID)
    return .data(
      items.map { HelixJSON.subscription($0, connectedAt: call.world.eventSubSessionConnectedAt($0.sessionID)) },
      [
        "total": .int(Int64(all.count)), "total_cost": .int(Int64(all.map(\.cost).reduce(0, +))),
        "max_total_cost": .int(Int64(SimWorld.maxTotalCost)),
      ])
  }
}
