import Logging
import WardenGateway

extension IRCClientCore {
  /// Feeds one event to a shard's machine and performs the actions. A loss of a ready
  /// connection starts a pending gap; a welcome on the handover socket retires the old one
  /// instead of closing it.
  /// `reason` explains the phase change the event may cause, in the report.
  mutating func feed(
    _ index: Int, _ event: IRCConnectionStateMachine.Event, now: ContinuousClock.Instant, reason: String? = nil
  ) {
    guard let shard = shards[index] else { return }
    if let reason { shards[index]?.reason = reason }
    defer { shards[index]?.reason = nil }
    let phaseBefore = shard.machine.phase
    let primaryBefore = shard.machine.primaryConnection
    let secondaryBefore = shard.machine.secondaryConnection
    guard let actions = shards[index]?.machine.handle(event, now: now) else { return }
    let phaseAfter = shards[index]?.machine.phase ?? .stopped
    if phaseBefore == .ready, [.reconnecting, .connecting, .authenticating].contains(phaseAfter), let primaryBefore {
      noteLoss(index, lost: primaryBefore, now: now)
    }
    var retiring: ConnectionID?
    if let secondaryBefore, event == .welcomeReceived(secondaryBefore),
      shards[index]?.machine.primaryConnection == secondaryBefore
    {
      retiring = primaryBefore
    }
    perform(index, actions, retiring: retiring, now: now)
  }

  mutating func perform(
    _ index: Int, _ actions: [IRCConnectionStateMachine.Action], retiring: ConnectionID?, now: ContinuousClock.Instant
  ) {
    var joins = false
    for action in actions {
      guard let shard = shards[index] else { return }
      switch action {
      case .open(let id, _):
        shards[index]?.links[id] = IRCShard.Link()
        updateOverlap(index)
        request(.connect(IRCLinkKey(shard: shard.key, id: id)))
      case .send(let id, let lines):
        shard.links[id]?.connection?.send(lines)
      case .close(let id):
        if id == retiring {
          shards[index]?.links[id]?.retiring = IRCShard.Retirement(since: now)
        } else {
          closeLink(index, id)
        }
      case .scheduleReconnect(let delay):
        let generation = shard.reconnectGeneration + 1
        shards[index]?.reconnectGeneration = generation
        shards[index]?.retryIn = delay
        request(.timer(shard.key, generation: generation, after: delay))
      case .join(_, let channels):
        limiter.enqueue(channels)
        joins = true
      case .emitConnectionEvent(let phase):
        report(index, phase)
      case .reportAuthenticationFailure(let message):
        logger.error(
          "IRC login refused", metadata: ["irc.connection": "\(shard.number)", "irc.notice": "\(message)"])
        shard.inbox.emit(.authenticationFailed(connection: shard.number, message: message))
      }
    }
    if joins { drainJoins(now: now) }
  }

  /// Closes a socket and forgets it.
  mutating func closeLink(_ index: Int, _ id: ConnectionID) {
    guard let link = shards[index]?.links.removeValue(forKey: id) else { return }
    link.connection?.close()
    shards[index]?.inbox.mute(id)
    updateOverlap(index)
  }

  /// Duplicate suppression is on while more than one socket of the shard is open.
  mutating func updateOverlap(_ index: Int) {
    guard let shard = shards[index] else { return }
    shard.inbox.setOverlap(shard.links.count > 1)
  }

  /// Sends the JOINs the limiter allows now, each on its channel's ready connection. A channel
  /// whose connection is not ready is dropped here: the machine joins it again once ready.
  mutating func drainJoins(now: ContinuousClock.Instant) {
    let batch = limiter.next(now: now)
    guard !batch.channels.isEmpty else { return }
    var byShard: [Int: [String]] = [:]
    for channel in batch.channels {
      if let index = sharding.shard(of: channel) { byShard[index, default: []].append(channel) }
    }
    for (index, channels) in byShard {
      guard let shard = shards[index], shard.machine.phase == .ready, let link = shard.primaryLink else { continue }
      link.connection?.send(Self.joinLines(channels))
    }
  }

  /// `JOIN #a,#b,…` lines of at most about 400 bytes.
  static func joinLines(_ channels: [String]) -> [String] {
    var lines: [String] = []
    var current: [String] = []
    var size = 0
    for channel in channels {
      if !current.isEmpty && size + channel.utf8.count + 2 > 400 {
        lines.append("JOIN " + current.joined(separator: ","))
        current = []
        size = 0
      }
      current.append("#" + channel)
      size += channel.utf8.count + 2
    }
    if !current.isEmpty { lines.append("JOIN " + current.joined(separator: ",")) }
    return lines
  }

  mutating func report(_ index: Int, _ phase: ConnectionPhase) {
    guard let shard = shards[index] else { return }
    let report = IRCConnectionReport(
      connection: shard.number, phase: phase, channels: shard.machine.channels, reason: shard.reason,
      retryIn: phase == .reconnecting ? shard.retryIn : nil)
    shards[index]?.reason = nil
    var metadata: Logger.Metadata = ["irc.connection": "\(shard.number)", "irc.phase": "\(phase.rawValue)"]
    if let reason = report.reason { metadata["irc.reason"] = "\(reason)" }
    if let retry = report.retryIn { metadata["irc.retry_in"] = "\(retry)" }
    logger.info("IRC connection phase changed", metadata: metadata)
    shard.inbox.emit(.connection(report))
  }
}
