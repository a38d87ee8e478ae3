import Logging
import WardenGateway

extension EventSubClientCore {
  /// The socket opened (it only listens: EventSub closes a socket that sends anything).
  mutating func opened(_ id: ConnectionID, connection: any TransportConnection) {
    guard sockets[id] != nil else {
      connection.close()
      return
    }
    sockets[id]?.connection = connection
  }

  /// One message from socket `id`.
  mutating func received(
    _ envelope: EventSubEnvelope, bytes: [UInt8], from id: ConnectionID, now: ContinuousClock.Instant
  ) {
    guard sockets[id] != nil, !holdForHandover(envelope, bytes: bytes, from: id, now: now) else { return }
    let metadata = envelope.metadata
    switch metadata.messageType {
    case "session_welcome":
      guard let session = envelope.payload?.session else { return logMalformed(metadata) }
      let keepalive = Duration.seconds(session.keepaliveTimeoutSeconds ?? 10)
      feed(.welcome(id, sessionID: session.id, keepalive: keepalive), now: now, reason: "session welcomed")
    case "session_keepalive":
      feed(.keepalive(id), now: now)
    case "notification":
      let notification = EventSubNotification(
        messageID: metadata.messageID, messageTimestamp: metadata.messageTimestamp,
        subscriptionType: metadata.subscriptionType ?? envelope.payload?.subscription?.type ?? "",
        subscriptionVersion: metadata.subscriptionVersion ?? envelope.payload?.subscription?.version ?? "",
        bytes: bytes)
      feed(.notification(id, messageID: metadata.messageID), now: now, notification: notification)
    case "session_reconnect":
      guard let url = envelope.payload?.session?.reconnectURL else { return logMalformed(metadata) }
      logger.info("EventSub session_reconnect: moving to a new socket")
      feed(.sessionReconnect(id, url: url), now: now)
    case "revocation":
      guard let subscription = envelope.payload?.subscription else { return logMalformed(metadata) }
      feed(
        .revocation(
          id, messageID: metadata.messageID, subscriptionType: subscription.type,
          status: subscription.status ?? "unknown"),
        now: now)
    default:
      logger.debug("EventSub message of unknown type ignored", metadata: ["eventsub.type": "\(metadata.messageType)"])
    }
  }

  /// A socket task ended: `closeCode` is the server's close code, if it sent one.
  mutating func ended(_ id: ConnectionID, closeCode: Int?, error: String?, now: ContinuousClock.Instant) {
    liveTasks -= 1
    defer { finishIfIdle() }
    if let held = heldWelcome {
      if id == held.socket {
        heldWelcome = nil
      } else if id == machine.primaryConnection {
        // The old socket is closed: everything it carried has been read.
        releaseHeldWelcome(now: now)
      }
    }
    guard sockets.removeValue(forKey: id) != nil else { return }
    let reason =
      if let closeCode { "closed by the server: \(EventSubCloseReason.describe(closeCode))" } else if let error {
        "connection lost: \(error)"
      } else { "connection closed" }
    if let closeCode, closeCode == 4001 || closeCode == 4003 {
      logger.warning(
        "EventSub session closed", metadata: ["eventsub.close": "\(EventSubCloseReason.describe(closeCode))"])
    }
    feed(.disconnected(id, closeCode: closeCode), now: now, reason: reason)
  }

  mutating func tick(now: ContinuousClock.Instant) {
    if case .stopping(let requests, let since) = runState, now - since >= Self.stopTimeout {
      requests.finish()
      return
    }
    guard case .running = runState else { return }
    if let held = heldWelcome, now - held.since >= configuration.handoverDrain { releaseHeldWelcome(now: now) }
    let reason =
      machine.phase == .ready
      ? "no message within the keepalive plus \(configuration.keepaliveMargin)"
      : "no session_welcome within \(configuration.welcomeTimeout)"
    feed(.watchdogTick, now: now, reason: reason)
  }

  mutating func timerFired(generation: Int, now: ContinuousClock.Instant) {
    guard generation == reconnectGeneration else { return }
    feed(.reconnectTimerFired, now: now, reason: "retrying")
  }

  private func logMalformed(_ metadata: EventSubEnvelope.Metadata) {
    logger.warning(
      "EventSub message without its payload ignored", metadata: ["eventsub.type": "\(metadata.messageType)"])
  }
}
