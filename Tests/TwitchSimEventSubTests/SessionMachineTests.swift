import Testing

@testable import TwitchSimEventSub

/// The session state machine without sockets: what it decides as time passes and things happen.
@Suite struct SessionMachineTests {
  let start = ContinuousClock.now

  func at(_ seconds: Double) -> ContinuousClock.Instant { start + .milliseconds(Int(seconds * 1000)) }

  func machine(deadline: Double? = 10, keepalive: Int = 10) -> EventSubSessionMachine {
    EventSubSessionMachine(
      welcomedAt: start, keepalive: .seconds(keepalive),
      subscribeDeadline: deadline.map { .milliseconds(Int($0 * 1000)) })
  }

  @Test(
    arguments: [
      // (seconds after welcome, has subscriptions, expected action)
      (5.0, false, nil),
      (10.0, false, EventSubSessionMachine.Action.close(.connectionUnused)),
      (10.0, true, .sendKeepalive),
      (12.0, true, .sendKeepalive),
    ] as [(Double, Bool, EventSubSessionMachine.Action?)])
  func subscribeDeadline(seconds: Double, subscribed: Bool, expected: EventSubSessionMachine.Action?) {
    var session = machine()
    #expect(session.tick(at: at(seconds), hasSubscriptions: subscribed) == expected)
  }

  @Test func anUnusedSessionClosesOnceAndThenIsSilent() {
    var session = machine(deadline: 1, keepalive: 10)
    #expect(session.needsSubscriptionCheck(at: at(1)))
    #expect(session.tick(at: at(1), hasSubscriptions: false) == .close(.connectionUnused))
    #expect(session.isClosed)
    #expect(session.tick(at: at(100), hasSubscriptions: false) == nil)
    #expect(session.nextDeadline == nil)
  }

  @Test func keepalivesFillSilencesOnly() {
    var session = machine(deadline: nil, keepalive: 10)
    #expect(session.nextDeadline == at(10))
    session.sent(at: at(6))
    #expect(session.tick(at: at(10), hasSubscriptions: true) == nil)
    #expect(session.nextDeadline == at(16))
    #expect(session.tick(at: at(16), hasSubscriptions: true) == .sendKeepalive)
    // The keepalive itself counts as a message: the next one is due a full timeout later.
    #expect(session.tick(at: at(16.5), hasSubscriptions: true) == nil)
    #expect(session.nextDeadline == at(26))
  }

  @Test func inboundDataClosesWith4001Once() {
    var session = machine()
    #expect(session.receivedData() == .close(.clientSentInboundTraffic))
    #expect(session.receivedData() == nil)
  }

  @Test func reconnectThenReplacedThenGraceExpiry() {
    var session = machine(deadline: nil)
    let first = session.requestReconnect(at: at(1), grace: .seconds(30))
    let second = session.requestReconnect(at: at(2), grace: .seconds(30))
    #expect(first)
    #expect(!second, "one session_reconnect per session")
    // No keepalives while reconnecting: the reconnect message says keepalive_timeout_seconds: null.
    #expect(session.tick(at: at(20), hasSubscriptions: true) == nil)
    let replaced = session.replace()
    let replacedAgain = session.replace()
    #expect(replaced)
    #expect(!replacedAgain, "a reconnect URL works once")
    #expect(session.nextDeadline == at(31))
    #expect(session.tick(at: at(31), hasSubscriptions: true) == .close(.reconnectGraceTimeExpired))
  }

  @Test func aClientThatNeverMovesGets4004() {
    var session = machine(deadline: nil)
    let reconnecting = session.requestReconnect(at: at(0), grace: .seconds(30))
    #expect(reconnecting)
    #expect(session.tick(at: at(29.9), hasSubscriptions: true) == nil)
    #expect(session.tick(at: at(30), hasSubscriptions: true) == .close(.reconnectGraceTimeExpired))
    let replaced = session.replace()
    #expect(!replaced)
  }

  @Test func aClosedSessionIgnoresEverything() {
    var session = machine()
    #expect(session.close(.networkError) == .close(.networkError))
    #expect(session.close(.internalServerError) == nil)
    let reconnecting = session.requestReconnect(at: at(1), grace: .seconds(30))
    #expect(!reconnecting)
    #expect(session.receivedData() == nil)
  }

  @Test(arguments: [
    (4000, 4000, "Internal server error"), (4003, 4003, "Connection unused"), (4007, 4007, "Invalid reconnect"),
    (1006, 1001, ""), (1005, 1001, ""), (1011, 1011, ""), (4100, 4100, ""), (1000, 1000, ""),
  ])
  func faultCloseCodes(requested: Int, sent: Int, reason: String) {
    let code = EventSubCloseCode.forFault(requested)
    #expect(Int(code.code) == sent)
    #expect(code.reason == reason)
  }
}
