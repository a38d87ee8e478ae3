import Foundation
import TwitchSimCore

/// What `run()` does with each world event: notifications to matching subscriptions, revocation
/// messages for a revoked token, and the connection faults.
extension EventSubServer {
  func handle(_ event: SimEvent, renderer: inout EventSubRenderer) {
    switch event {
    case .fault(let fault): apply(fault)
    case .tokenRevoked(let token): revoke(token)
    default: deliver(renderer.render(event))
    }
  }

  /// Sends each rendered event to every enabled subscription it matches, on the connection that
  /// holds the subscription's session now. Under the registry lock, so a reconnect handover
  /// (which passes the session to the new connection under the same lock) never sees a
  /// notification half-routed: it goes to the old connection or the new one, never both.
  func deliver(_ rendered: [RenderedEvent]) {
    guard !rendered.isEmpty else { return }
    let now = world.now()
    registry.withLock { registry in
      let subscriptions = world.eventSubSubscriptions().filter { $0.status == "enabled" }
      for notification in rendered {
        for subscription in subscriptions where notification.matches(subscription) {
          guard let session = registry.holder(of: subscription.sessionID), !session.isClosed else { continue }
          let text = EventSubMessage.notification(
            messageID: SimIDs.uuid(), subscription: subscription, event: notification.event, at: now)
          session.send(text)
          if registry.duplicatesLeft > 0 {
            registry.duplicatesLeft -= 1
            session.send(text)
          }
        }
      }
    }
  }

  /// A revoked token ends the subscriptions its user created with its client: each gets a
  /// `revocation` message with status `authorization_revoked` and is gone.
  func revoke(_ token: SimToken) {
    guard let userID = token.userID else { return }
    let now = world.now()
    registry.withLock { registry in
      let revoked = world.revokeEventSubSubscriptions(
        where: { $0.clientID == token.clientID && $0.userID == userID }, status: "authorization_revoked")
      for subscription in revoked.sorted(by: { $0.createdAt < $1.createdAt }) {
        registry.holder(of: subscription.sessionID)?.send(EventSubMessage.revocation(subscription, at: now))
      }
    }
  }

  func apply(_ fault: SimFault) {
    switch fault {
    case .eventSubReconnect: requestReconnects()
    case .eventSubDrop(let code):
      let sessions = registry.withLock { Array($0.connections.values) }
      logger.debug(
        "EventSub drop", metadata: ["eventsub.close_code": "\(code)", "eventsub.sessions": "\(sessions.count)"])
      for session in sessions { session.close(.forFault(code)) }
    case .eventSubDuplicate(let count):
      registry.withLock { $0.duplicatesLeft += max(0, count) }
    case .ircReconnect, .ircDrop:
      break
    }
  }

  /// `session_reconnect` to every session not already moving, each with its own single-use
  /// reconnect URL: the route's URL plus `reconnect_id`.
  private func requestReconnects() {
    let now = world.now()
    let grace = Duration.milliseconds(Int(options.reconnectGraceSeconds * 1000))
    registry.withLock { registry in
      for session in registry.connections.values where session.update({ $0.requestReconnect(at: .now, grace: grace) }) {
        let reconnectID = SimIDs.token(32)
        registry.reconnectIDs[reconnectID] = session.connectionID
        let base = session.publicURL()
        let url = base + (base.contains("?") ? "&" : "?") + "reconnect_id=" + reconnectID
        session.send(EventSubMessage.reconnect(session, url: url, at: now))
      }
    }
  }
}
