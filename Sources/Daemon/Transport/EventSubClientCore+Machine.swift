import Logging
import WardenGateway

extension EventSubClientCore {
  /// Feeds the machine and performs its actions. `notification` is the message behind a
  /// `.notification` event, passed on when the machine says to deliver it.
  mutating func feed(
    _ event: EventSubSessionStateMachine.Event, now: ContinuousClock.Instant, reason: String? = nil,
    notification: EventSubNotification? = nil
  ) {
    if let reason { self.reason = reason }
    defer { self.reason = nil }
    for action in machine.handle(event, now: now) {
      switch action {
      case .open(let id, let url):
        sockets[id] = Socket()
        request(.connect(id, url: url))
      case .close(let id):
        close(id)
      case .subscribe(let sessionID, let types):
        if types == [Self.everySubscription] {
          request(.subscribe(.all(sessionID: sessionID)))
        } else {
          for type in types { request(.subscribe(.recreate(sessionID: sessionID, subscriptionType: type))) }
        }
      case .deliver:
        if let notification { handler(.notification(notification)) }
      case .reportRevocation(let type, let status, let willRecreate):
        logger.warning(
          "EventSub subscription revoked",
          metadata: [
            "eventsub.type": "\(type)", "eventsub.status": "\(status)", "eventsub.recreate": "\(willRecreate)",
          ])
        handler(.revoked(subscriptionType: type, status: status, willRecreate: willRecreate))
      case .scheduleReconnect(let delay):
        reconnectGeneration += 1
        retryIn = delay
        request(.timer(generation: reconnectGeneration, after: delay))
      case .emitConnectionEvent(let phase):
        report(phase)
      }
    }
  }

  private mutating func report(_ phase: ConnectionPhase) {
    let report = EventSubConnectionReport(
      phase: phase, sessionID: machine.sessionID, reason: reason, retryIn: phase == .reconnecting ? retryIn : nil)
    var metadata: Logger.Metadata = ["eventsub.phase": "\(phase.rawValue)"]
    if let session = report.sessionID { metadata["eventsub.session"] = "\(session)" }
    if let reason = report.reason { metadata["eventsub.reason"] = "\(reason)" }
    if let retry = report.retryIn { metadata["eventsub.retry_in"] = "\(retry)" }
    logger.info("EventSub phase changed", metadata: metadata)
    handler(.connection(report))
  }
}
