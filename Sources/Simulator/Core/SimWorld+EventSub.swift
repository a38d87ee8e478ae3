import Foundation

/// Where the EventSub surface tells the world about its WebSocket sessions, and Helix creates
/// subscriptions on them.
extension SimWorld {
  /// Twitch's limits for WebSocket transports.
  public static let maxSubscriptionsPerSession = 300
  public static let maxTotalCost = 10

  /// A WebSocket session was welcomed; subscriptions may now be created for it.
  public func openEventSubSession(_ sessionID: String, connectedAt: Date) {
    state.withLock { $0.eventSubSessions[sessionID] = connectedAt }
  }

  /// A session ended: its subscriptions are gone (Twitch disables and then deletes them).
  public func closeEventSubSession(_ sessionID: String) {
    state.withLock { state in
      state.eventSubSessions[sessionID] = nil
      state.subscriptions = state.subscriptions.filter { $0.value.sessionID != sessionID }
    }
  }

  /// Moves a session's subscriptions to the session that replaced it (after `session_reconnect`).
  public func moveEventSubSubscriptions(from oldSessionID: String, to newSessionID: String) {
    state.withLock { state in
      for (id, subscription) in state.subscriptions where subscription.sessionID == oldSessionID {
        state.subscriptions[id]!.sessionID = newSessionID
      }
      state.eventSubSessions[oldSessionID] = nil
    }
  }

  /// Creates a subscription as Helix `POST eventsub/subscriptions` does, with its checks: a
  /// known type and version, every condition field, a user token with a fitting scope whose
  /// user is the condition's user, an open session, and the per-session limits.
  public func createEventSubSubscription(
    type name: String, version: String, condition: [String: String], sessionID: String, token: SimToken
  ) throws(SimError) -> EventSubSubscription {
    guard let type = EventSubCatalog.type(name, version: version) else {
      throw .badRequest("The combination of values in the type and version fields is not valid.")
    }
    for key in type.conditionKeys where (condition[key] ?? "").isEmpty {
      throw .badRequest("The condition field is missing \(key).")
    }
    guard let userID = token.userID else {
      throw .badRequest("An app access token cannot be used with a WebSocket transport; use a user access token.")
    }
    if !type.scopes.isEmpty && !type.scopes.contains(where: token.has(scope:)) {
      throw .forbidden("The access token is missing the required scopes.")
    }
    if let key = type.authorizedUserKey, condition[key] != userID {
      throw .forbidden("The user in \(key) must match the user ID in the access token.")
    }
    let now = now()
    return try state.withLock { state throws(SimError) in
      guard state.eventSubSessions[sessionID] != nil else {
        throw .badRequest("The websocket transport session ID is not valid or has disconnected.")
      }
      let inSession = state.subscriptions.values.filter { $0.sessionID == sessionID }
      if inSession.contains(where: { $0.type == name && $0.version == version && $0.condition == condition }) {
        throw SimError(status: 409, message: "subscription already exists")
      }
      guard inSession.count < Self.maxSubscriptionsPerSession else {
        throw SimError(status: 429, message: "The number of subscriptions for this session exceeds the limit.")
      }
      let conditionUsers = Set(condition.values)
      let cost = conditionUsers.contains(userID) ? 0 : 1
      let total = state.subscriptions.values.filter { $0.clientID == token.clientID && $0.userID == userID }.map(\.cost)
        .reduce(0, +)
      guard total + cost <= Self.maxTotalCost else {
        throw SimError(status: 429, message: "The subscription limit has been exceeded.")
      }
      let subscription = EventSubSubscription(
        id: SimIDs.uuid(), type: name, version: version, condition: condition, sessionID: sessionID,
        clientID: token.clientID, userID: userID, status: "enabled", cost: cost, createdAt: now)
      state.subscriptions[subscription.id] = subscription
      return subscription
    }
  }

  /// Subscriptions, optionally only those of one client and user.
  public func eventSubSubscriptions(clientID: String? = nil, userID: String? = nil) -> [EventSubSubscription] {
    state.withLock { state in
      state.subscriptions.values.filter {
        (clientID == nil || $0.clientID == clientID) && (userID == nil || $0.userID == userID)
      }.sorted { $0.createdAt < $1.createdAt }
    }
  }

  /// The subscriptions delivering to one session.
  public func eventSubSubscriptions(session sessionID: String) -> [EventSubSubscription] {
    state.withLock { state in state.subscriptions.values.filter { $0.sessionID == sessionID } }
  }

  public func deleteEventSubSubscription(id: String, clientID: String) throws(SimError) {
    try state.withLock { state throws(SimError) in
      guard let subscription = state.subscriptions[id], subscription.clientID == clientID else {
        throw .notFound("The subscription was not found.")
      }
      state.subscriptions[id] = nil
    }
  }

  /// Marks subscriptions revoked (token revoked, user removed) and returns them, for the
  /// EventSub surface to send `revocation` messages.
  public func revokeEventSubSubscriptions(where predicate: (EventSubSubscription) -> Bool, status: String)
    -> [EventSubSubscription]
  {
    state.withLock { state in
      var revoked: [EventSubSubscription] = []
      for (id, subscription) in state.subscriptions where predicate(subscription) {
        var changed = subscription
        changed.status = status
        revoked.append(changed)
        state.subscriptions[id] = nil
      }
      return revoked
    }
  }
}
