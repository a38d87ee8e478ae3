import WardenGateway

extension IRCClientCore {
  /// The periodic check: feeds each socket's last activity to its machine, samples the chat
  /// rate, runs the machine's watchdog, advances handovers and gap reports, and paces JOINs.
  mutating func tick(now: ContinuousClock.Instant) {
    if case .stopping(let requests, let since) = runState, now - since >= Self.stopTimeout {
      requests.finish()
      return
    }
    guard isRunning else { return }
    for index in shards.keys.sorted() {
      guard let shard = shards[index] else { continue }
      let (lastLines, chatMessages) = shard.inbox.snapshot()
      for (id, link) in shard.links where link.retiring == nil {
        guard let last = lastLines[id], link.fedActivity.map({ last > $0 }) ?? true else { continue }
        shards[index]?.links[id]?.fedActivity = last
        feed(index, .lineReceived(id), now: last)
      }
      shards[index]?.rate.sample(at: now, count: chatMessages)
      let reason =
        shard.machine.phase == .ready
        ? "no answer to our PING within \(configuration.pongTimeout)"
        : "login did not finish within \(configuration.handshakeTimeout)"
      feed(index, .watchdogTick, now: now, reason: reason)
      settle(index, now: now)
    }
    drainJoins(now: now)
  }

  /// Moves handovers and pending gap reports on after a JOIN was confirmed or refused.
  mutating func settle(_ index: Int, now: ContinuousClock.Instant) {
    advanceHandover(index, now: now)
    reportGapIfRejoined(index, now: now)
  }

  /// A retiring socket drains (our PING, closed on its PONG) once the new primary has settled
  /// every channel; it is closed anyway after `handoverTimeout`.
  private mutating func advanceHandover(_ index: Int, now: ContinuousClock.Instant) {
    guard let shard = shards[index] else { return }
    let newSettled =
      shard.machine.phase == .ready
      && (shard.primaryLink.map { link in shard.machine.channels.allSatisfy(link.settled) } ?? false)
    for (id, link) in shard.links {
      guard let retirement = link.retiring else { continue }
      if now - retirement.since >= configuration.handoverTimeout {
        closeLink(index, id)
      } else if newSettled && !retirement.drainRequested {
        shards[index]?.links[id]?.retiring?.drainRequested = true
        link.connection?.send(["PING :\(IRCLineReader.handoverToken)"])
      }
    }
  }

  /// After a loss, once the connection is ready again and every channel it carried is joined
  /// (or refused), reports the possible gap.
  private mutating func reportGapIfRejoined(_ index: Int, now: ContinuousClock.Instant) {
    guard let shard = shards[index], let gap = shard.gap, shard.machine.phase == .ready,
      let link = shard.primaryLink
    else { return }
    let channels = gap.channels.filter { shard.machine.channels.contains($0) }
    guard channels.allSatisfy(link.settled) else { return }
    shards[index]?.gap = nil
    guard !channels.isEmpty else { return }
    let downFor = now - gap.since
    let estimate = Int((gap.ratePerSecond * downFor.seconds).rounded())
    logger.notice(
      "IRC chat may have been missed",
      metadata: [
        "irc.connection": "\(shard.number)", "irc.down_for": "\(downFor)", "irc.estimated_missed": "\(estimate)",
      ])
    shard.inbox.emit(
      .possibleGap(connection: shard.number, channels: channels, downFor: downFor, estimatedMissed: estimate))
  }

  /// A ready connection was lost: remember since when, the rate before, and its channels.
  mutating func noteLoss(_ index: Int, lost id: ConnectionID, now: ContinuousClock.Instant) {
    guard let shard = shards[index], shard.gap == nil else { return }
    let (lastLines, chatMessages) = shard.inbox.snapshot()
    let since = min(lastLines[id] ?? now, now)
    let joined = shard.links[id]?.joined ?? []
    let channels = shard.machine.channels.filter { joined.isEmpty || joined.contains($0) }
    shards[index]?.gap = IRCShard.PendingGap(
      since: since, ratePerSecond: shard.rate.perSecond(at: now, count: chatMessages), channels: channels)
  }
}
