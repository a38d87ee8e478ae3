import Foundation
import HummingbirdWebSocket
import Logging
import TwitchSimCore

/// One WebSocket connection: welcome (or handover from a reconnect URL, continuing the same
/// session id), then three loops — a writer draining the session's outbox, a reader that
/// treats any data frame as a protocol violation (4001), and a timer that feeds the state
/// machine (keepalives, 4003, 4004).
extension EventSubServer {
  /// The timer never sleeps longer than this, so phase changes (a reconnect grace period) are
  /// seen soon without waking the task from outside.
  static let timerSlice: Duration = .milliseconds(250)

  func serveConnection(
    inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, keepaliveSeconds: Int, reconnectID: String?,
    publicURL: @escaping @Sendable () -> String
  ) async {
    let connectedAt = world.now()
    // Redeeming the reconnect id, the welcome and the handover happen under one lock, so the
    // replaced connection cannot end half-way and a notification goes either to it (before) or
    // to the new connection after its welcome.
    let opening = registry.withLock { registry -> Opening in
      guard !registry.isShutDown else { return .shutDown }
      var replaced: EventSubSession?
      if let reconnectID {
        guard let old = registry.redeem(reconnectID) else { return .invalidReconnect }
        replaced = old
      }
      // A reconnect continues the replaced connection's session: same id, same keepalive, and
      // its subscriptions, which stay on that id.
      let keepalive = replaced?.keepaliveSeconds ?? keepaliveSeconds
      let session = EventSubSession(
        id: replaced?.id ?? EventSubSession.makeID(), connectedAt: connectedAt, keepaliveSeconds: keepalive,
        machine: EventSubSessionMachine(
          welcomedAt: .now, keepalive: .seconds(keepalive),
          subscribeDeadline: replaced == nil ? options.welcomeSubscribeDeadline ?? .seconds(keepalive) : nil),
        publicURL: publicURL)
      // The welcome goes first into the outbox, before any notification can.
      session.send(EventSubMessage.welcome(session, at: connectedAt))
      if replaced == nil { world.openEventSubSession(session.id, connectedAt: connectedAt) }
      registry.add(session)
      return .welcomed(session, reconnected: replaced != nil)
    }
    let session: EventSubSession
    let reconnected: Bool
    switch opening {
    case .shutDown:
      return
    case .invalidReconnect:
      logger.debug("EventSub reconnect refused", metadata: ["eventsub.close_code": "4007"])
      try? await Task.sleep(for: options.invalidReconnectCloseDelay)
      try? await outbound.close(.unknown(EventSubCloseCode.invalidReconnect.code), reason: "Invalid reconnect")
      return
    case .welcomed(let welcomed, let wasReconnect):
      session = welcomed
      reconnected = wasReconnect
    }
    var logger = logger
    logger[metadataKey: "eventsub.session_id"] = .string(session.id)
    logger[metadataKey: "eventsub.connection_id"] = .string(session.connectionID.uuidString)
    logger.debug("EventSub session welcomed", metadata: reconnected ? ["eventsub.reconnected": "true"] : [:])

    await drive(session, inbound: inbound, outbound: outbound, logger: logger)

    // Only the connection that holds the session id ends the session; a replaced one leaves
    // the session and its subscriptions to the connection that took over.
    let ended = registry.withLock { registry in
      let held = registry.remove(session)
      if held { world.closeEventSubSession(session.id) }
      return held
    }
    logger.debug(ended ? "EventSub session ended" : "EventSub replaced connection ended")
  }

  /// How a new connection starts.
  private enum Opening {
    case shutDown
    case invalidReconnect
    case welcomed(EventSubSession, reconnected: Bool)
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
