import ServiceLifecycle
import Testing
import WardenGateway
import WardenTestSupport
import WardenTransport

/// Both clients as services in one `ServiceGroup`: a graceful shutdown closes their connections
/// and returns from `run()`.
@Suite struct GracefulShutdownTests {
  @Test func gracefulShutdownClosesEveryConnection() async throws {
    try await withSim { sim in
      let ircLog = EventLog<IRCClientEvent>()
      let eventSubLog = EventLog<EventSubClientEvent>()
      let irc = IRCClient(
        configuration: try fastIRCConfiguration(sim.urls.ircWS, channels: ["streamer"]), credentials: { .anonymous() },
        handler: { ircLog.append($0) }, logger: testLogger("test.irc"))
      let eventSub = EventSubClient(
        configuration: EventSubClientConfiguration(url: sim.urls.eventSub, watchdogInterval: .milliseconds(50)),
        subscribe: { _ in }, handler: { eventSubLog.append($0) }, logger: testLogger("test.eventsub"))
      let group = ServiceGroup(services: [irc, eventSub], logger: testLogger("test.group"))
      let running = Task { try await group.run() }
      #expect(await eventually { await irc.channels().allSatisfy(\.joined) })
      #expect(
        await eventually {
          eventSubLog.all.contains { event in
            if case .connection(let report) = event { return report.phase == .ready }
            return false
          }
        })
      #expect(sim.sim.irc.connectionCount == 1)

      await group.triggerGracefulShutdown()
      try await running.value
      #expect(ircLog.reports.last?.phase == .stopped)
      #expect(await eventually { sim.sim.irc.connectionCount == 0 && sim.sim.eventSub.sessionCount == 0 })
      guard case .connection(let last) = eventSubLog.all.last else {
        Issue.record("EventSub reported no stop")
        return
      }
      #expect(last.phase == .stopped)
    }
  }
}
