import WardenGateway

/// The welcome on the socket a `session_reconnect` opened, held back while the old socket drains.
struct HeldWelcome: Sendable {
  var socket: ConnectionID
  var sessionID: String
  var keepalive: Duration
  var since: ContinuousClock.Instant
  /// What the new socket sent after its welcome, replayed in order on release.
  var buffered: [(envelope: EventSubEnvelope, bytes: [UInt8])] = []
}

extension EventSubClientCore {
  /// Twitch stops using the old socket when it welcomes the new one, but notifications it sent on
  /// the old socket just before may still be unread. The session machine forgets the old socket
  /// at the new welcome, so the welcome waits (`handoverDrain`, or until the old socket closes)
  /// and the new socket's messages wait behind it. Returns whether the message was held.
  mutating func holdForHandover(
    _ envelope: EventSubEnvelope, bytes: [UInt8], from id: ConnectionID, now: ContinuousClock.Instant
  ) -> Bool {
    if heldWelcome?.socket == id {
      heldWelcome?.buffered.append((envelope, bytes))
      return true
    }
    guard envelope.metadata.messageType == "session_welcome", id == machine.secondaryConnection,
      machine.phase == .ready, let session = envelope.payload?.session
    else { return false }
    heldWelcome = HeldWelcome(
      socket: id, sessionID: session.id, keepalive: .seconds(session.keepaliveTimeoutSeconds ?? 10), since: now)
    return true
  }

  /// Completes the handover: the machine takes the new socket (closing the old one), then the
  /// new socket's messages are replayed.
  mutating func releaseHeldWelcome(now: ContinuousClock.Instant) {
    guard let held = heldWelcome else { return }
    heldWelcome = nil
    feed(
      .welcome(held.socket, sessionID: held.sessionID, keepalive: held.keepalive), now: now,
      reason: "session moved to a new socket")
    for message in held.buffered { received(message.envelope, bytes: message.bytes, from: held.socket, now: now) }
  }
}
