import WardenDaemon
import WardenGateway
import WardenProtocol
import WardenTransport

/// From Twitch's connections to the bus.
extension TwitchGateway {
  func handleIRC(_ event: IRCClientEvent) {
    switch event {
    case .message(let message, _, let receivedAt):
      let out = state.withLock { state -> [(GatewayEvent, String?)] in
        if case .roomState(let room) = message { state.ircJoined.insert(room.channel) }
        let events = state.mapper.events(for: message)
        return events.isEmpty ? [] : state.admit(events, from: .irc, now: receivedAt)
      }
      publish(out)
    case .connection(let report):
      if report.phase != .ready { state.withLock { $0.ircJoined.subtract(report.channels) } }
      guard ![.idle, .connecting, .authenticating].contains(report.phase) else { return }
      let data = ConnectionData(
        transport: .irc, connection: report.connection - 1, state: Self.connectionState(report.phase),
        channels: report.channels, reason: report.reason, retryInMS: report.retryIn.map { Int($0.wholeMilliseconds) })
      record(data)
    case .authenticationFailed(let connection, let message):
      logger.error(
        "Twitch refused the IRC login", metadata: ["twitch.connection": "\(connection)", "twitch.notice": "\(message)"])
      if let tokens {
        Task { _ = await tokens.refreshAfterUnauthorized(failedToken: await tokens.accessToken() ?? "") }
      }
    case .possibleGap(let connection, let channels, let downFor, let estimatedMissed):
      logger.warning(
        "IRC reconnected after a loss; messages sent meanwhile are lost",
        metadata: [
          "twitch.connection": "\(connection)", "twitch.down_ms": "\(downFor.wholeMilliseconds)",
          "twitch.possibly_missed": "\(estimatedMissed)",
        ])
      record(
        ConnectionData(
          transport: .irc, connection: connection - 1, state: .connected, channels: channels,
          reason: "reconnected after a loss", downMS: Int(downFor.wholeMilliseconds), possiblyMissed: estimatedMissed))
    }
  }

  func handleEventSub(_ event: EventSubClientEvent) {
    switch event {
    case .notification(let notification):
      let events: [GatewayEvent]
      do {
        guard let body = notification.eventBytes else { throw EventSubPayloadMissing() }
        events = try EventSubEventMapper.events(
          type: notification.subscriptionType, event: Array(body), timestamp: notification.messageTimestamp)
      } catch {
        logger.warning(
          "an EventSub notification could not be read",
          metadata: ["twitch.subscription_type": "\(notification.subscriptionType)", "twitch.error": "\(error)"])
        return
      }
      let now = ContinuousClock.now
      let out = state.withLock { $0.admit(events, from: .eventsub, now: now) }
      publish(out)
    case .connection(let report):
      state.withLock { $0.eventSubSession = report.phase == .ready ? report.sessionID : nil }
      guard ![.idle, .connecting, .authenticating].contains(report.phase) else { return }
      record(
        ConnectionData(
          transport: .eventsub, connection: 0, state: Self.connectionState(report.phase), sessionID: report.sessionID,
          channels: state.withLock { $0.channels }, reason: report.reason,
          retryInMS: report.retryIn.map { Int($0.wholeMilliseconds) }))
    case .revoked(let type, let status, let willRecreate):
      logger.warning(
        "Twitch revoked an EventSub subscription",
        metadata: [
          "twitch.subscription_type": "\(type)", "twitch.status": "\(status)", "twitch.recreate": "\(willRecreate)",
        ])
      if type == "channel.moderate" && !willRecreate {
        state.withLock { $0.eventSubModeration = [] }
      }
    }
  }

  static func connectionState(_ phase: ConnectionPhase) -> ConnectionState {
    switch phase {
    case .ready: .connected
    case .stopped, .failed: .disconnected
    default: .reconnecting
    }
  }

  /// Keeps the connection's last state and publishes it when it changed.
  func record(_ data: ConnectionData) {
    let key = "\(data.transport.rawValue):\(data.connection)"
    let changed = state.withLock { state -> Bool in
      let old = state.connections[key]
      state.connections[key] = data
      return old != data
    }
    guard changed else { return }
    do {
      try bus.publish(.sysConnection, payload: data)
    } catch {
      logger.error("cannot publish sys.connection", metadata: ["warden.error": "\(error)"])
    }
  }

  func publish(_ events: [(GatewayEvent, String?)]) {
    for (event, cause) in events { publish(event, cause: cause) }
  }

  func publish(_ event: GatewayEvent, cause: String?) {
    do {
      try bus.publish(event.type, channel: event.channel.login, cause: cause, data: event.encodedData())
    } catch {
      logger.error(
        "cannot publish a gateway event",
        metadata: [
          "warden.event_type": "\(event.type)", "twitch.channel": "\(event.channel.login)", "warden.error": "\(error)",
        ])
    }
  }
}

/// A notification without `payload.event`.
struct EventSubPayloadMissing: Error, CustomStringConvertible {
  var description: String { "the notification has no payload.event object" }
}
