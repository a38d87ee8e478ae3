import Testing
import WardenGateway

@testable import WardenTransport

/// How the EventSub driver turns the session machine's subscribe actions into requests; a
/// recreatable revocation cannot be produced by the simulator.
@Suite struct EventSubClientCoreTests {
  private func envelope(_ json: String) throws -> (EventSubEnvelope, [UInt8]) {
    let bytes = Array(json.utf8)
    return (try EventSubEnvelope.decode(bytes), bytes)
  }

  @Test func newSessionAsksForAllAndARecreatableRevocationForOne() async throws {
    let events = EventLog<EventSubClientEvent>()
    var core = EventSubClientCore(
      configuration: .init(url: "wss://es.test"), handler: { events.append($0) }, logger: testLogger("test.core"))
    let (requests, continuation) = AsyncStream.makeStream(of: EventSubDriverRequest.self)
    let now = ContinuousClock.now
    let started = core.start(requests: continuation, now: now)
    #expect(started)
    let welcome = try envelope(
      #"{"metadata":{"message_id":"w","message_type":"session_welcome","message_timestamp":"t"},"#
        + #""payload":{"session":{"id":"s1","keepalive_timeout_seconds":10,"reconnect_url":null}}}"#)
    core.received(welcome.0, bytes: welcome.1, from: ConnectionID(1), now: now)
    let revocation = try envelope(
      #"{"metadata":{"message_id":"r","message_type":"revocation","message_timestamp":"t","#
        + #""subscription_type":"channel.follow","subscription_version":"2"},"#
        + #""payload":{"subscription":{"id":"x","type":"channel.follow","version":"2","#
        + #""status":"notification_failures_exceeded"}}}"#)
    core.received(revocation.0, bytes: revocation.1, from: ConnectionID(1), now: now)
    continuation.finish()

    var made: [String] = []
    var iterator = requests.makeAsyncIterator()
    while let request = await iterator.next() {
      switch request {
      case .connect(let id, let url): made.append("connect \(id) \(url)")
      case .subscribe(let subscribe): made.append("\(subscribe)")
      case .timer: made.append("timer")
      }
    }
    #expect(
      made == [
        "connect conn-1 wss://es.test", "all(sessionID: \"s1\")",
        "recreate(sessionID: \"s1\", subscriptionType: \"channel.follow\")",
      ])
    let revoked = events.all.contains { event in
      if case .revoked("channel.follow", "notification_failures_exceeded", true) = event { return true }
      return false
    }
    #expect(revoked)
  }
}
