import Foundation
import HummingbirdWebSocket
import Logging
import TwitchSimCore

/// One WebSocket connection: welcome (or handover from a reconnect URL), then three loops — a
/// writer draining the session's outbox, a reader that treats any data frame as a protocol
/// violation (4001), and a timer that feeds the state machine (keepalives, 4003, 4004).
extension EventSubServer {
  /// The timer never sleeps longer than this, so phase changes (a reconnect grace period) are
  /// seen soon without waking the task from outside.
  static let timerSlice: Duration = .milliseconds(250)

  func serveConnection(
    inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, keepaliveSeconds: Int, reconnectID: String?,
    publicURL: @escaping @Sendable () -> String
  ) async {
    var replaced: EventSubSession?
    var keepalive = keepaliveSeconds
    if let reconnectID {
      guard let old = redeem(reconnectID) else {
        logger.debug("EventSub reconnect refused", metadata: ["eventsub.close_code": "4007"])
        try? await Task.sleep(for: options.invalidReconnectCloseDelay)
        try? await outbound.close(.unknown(EventSubCloseCode.invalidReconnect.code), reason: "Invalid reconnect")
        return
      }
      replaced = old
      keepalive = old.keepaliveSeconds
    }

    let connectedAt = world.now()
    let session = EventSubSession(
      id: EventSubSession.makeID(), connectedAt: connectedAt, keepaliveSeconds: keepalive,
      machine: EventSubSessionMachine(
        welcomedAt: .now, keepalive: .seconds(keepalive),
        subscribeDeadline: replaced == nil ? options.welcomeSubscribeDeadline ?? .seconds(keepalive) : nil),
      publicURL: publicURL)
    // The welcome goes first into the outbox, before any notification can.
    session.send(EventSubMessage.welcome(session, at: connectedAt))
    let accepted = registry.withLock { registry in
      guard !registry.isShutDown else { return false }
      registry.sessions[session.id] = session
      world.openEventSubSession(session.id, connectedAt: connectedAt)
      if let replaced { world.moveEventSubSubscriptions(from: replaced.id, to: session.id) }
      return true
    }
    guard accepted else { return }
    var logger = logger
    logger[metadataKey: "eventsub.session_id"] = .string(session.id)
    logger.debug(
      "EventSub session welcomed",
      metadata: replaced.map { ["eventsub.replaces": .string($0.id)] } ?? [:])

    await drive(session, inbound: inbound, outbound: outbound, logger: logger)

    registry.withLock { registry in
      registry.sessions[session.id] = nil
      registry.reconnectIDs = registry.reconnectIDs.filter { $0.value != session.id }
    }
    world.closeEventSubSession(session.id)
    logger.debug("EventSub session ended")
  }

  /// Takes a reconnect id (once): the session it replaces, if that one is still waiting for
  /// its client to move.
  private func redeem(_ reconnectID: String) -> EventSubSession? {
    registry.withLock { registry in
      guard let oldID = registry.reconnectIDs.removeValue(forKey: reconnectID),
        let old = registry.sessions[oldID], old.update({ $0.replace() })
      else { return nil }
      return old
    }
  }

  private func drive(
    _ session: EventSubSession, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger
  ) async {
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        // Reader: pings are answered inside the iterator; any data frame is inbound traffic.
        do {
          for try await _ in inbound {
            session.perform(session.update { $0.receivedData() }, now: Date())
            return
          }
        } catch {}
        // The client closed (or the connection failed): stop writing.
        session.finish()
      }
      group.addTask { [world] in
        // Timer: keepalives, the subscribe deadline, the reconnect grace period.
        while !Task.isCancelled {
          let now = ContinuousClock.now
          let next = session.update { $0.nextDeadline } ?? now + Self.timerSlice
          try? await Task.sleep(until: min(next, now + Self.timerSlice), clock: .continuous)
          if Task.isCancelled { return }
          let tickAt = ContinuousClock.now
          let check = session.update { $0.needsSubscriptionCheck(at: tickAt) }
          let subscribed = check && !world.eventSubSubscriptions(session: session.id).isEmpty
          session.perform(session.update { $0.tick(at: tickAt, hasSubscriptions: subscribed) }, now: world.now())
          if session.isClosed { return }
        }
      }
      // Writer: the only task that writes to the socket.
      for await item in session.outgoing {
        guard await write(item, to: outbound, session: session, logger: logger) else { break }
      }
      session.finish()
      group.cancelAll()
    }
  }

  /// Writes one outbox item; returns whether to go on.
  private func write(
    _ item: EventSubSession.Outgoing, to outbound: WebSocketOutboundWriter, session: EventSubSession, logger: Logger
  ) async -> Bool {
    switch item {
    case .text(let text):
      do {
        try await outbound.writeTextMessage(text)
      } catch {
        return false
      }
      session.update { $0.sent(at: .now) }
      return true
    case .close(let code):
      logger.debug("EventSub session closed", metadata: ["eventsub.close_code": "\(code.code)"])
      try? await outbound.close(.unknown(code.code), reason: code.reason.isEmpty ? nil : code.reason)
      return false
    }
  }
}
