import Testing
import WardenGateway

private typealias Machine = EventSubSessionStateMachine
private typealias ESStep = Step<Machine.Event, Machine.Action>

private let url = "wss://eventsub.test/ws"
private let reconnectURL = "wss://eventsub.test/ws?reconnect=1"
private let types = ["channel.moderate", "channel.chat.message"]
private let keepalive = Duration.seconds(10)
/// The delay that `FixedGenerator(value: 500)` yields for the first attempts.
private let delay = Duration.milliseconds(500)

private let welcomed: [ESStep] = [
  Step(.zero, .start, [.open(.c1, url: url), .emitConnectionEvent(.connecting)]),
  Step(
    .zero, .welcome(.c1, sessionID: "s1", keepalive: keepalive),
    [
      .subscribe(sessionID: "s1", types: types), .emitConnectionEvent(.ready),
    ]),
]

private let handoverStarted: [ESStep] =
  welcomed + [
    Step(.seconds(1), .sessionReconnect(.c1, url: reconnectURL), [.open(.c2, url: reconnectURL)])
  ]

struct EventSubCase: Sendable, CustomTestStringConvertible {
  let name: String
  fileprivate let steps: [ESStep]
  var testDescription: String { name }
}

private let cases: [EventSubCase] = [
  EventSubCase(name: "welcome subscribes", steps: welcomed),
  EventSubCase(
    name: "notifications are delivered once",
    steps: welcomed + [
      Step(.seconds(1), .notification(.c1, messageID: "m1"), [.deliver(messageID: "m1")]),
      Step(.seconds(1), .notification(.c1, messageID: "m1")),
      Step(.seconds(2), .notification(.c1, messageID: "m2"), [.deliver(messageID: "m2")]),
    ]
  ),
  EventSubCase(
    name: "session_reconnect with the same session id: no resubscribe, old socket closed",
    steps: handoverStarted + [
      Step(.seconds(2), .notification(.c1, messageID: "m1"), [.deliver(messageID: "m1")]),
      Step(.seconds(2), .notification(.c2, messageID: "m1")),
      Step(.seconds(3), .welcome(.c2, sessionID: "s1", keepalive: keepalive), [.close(.c1)]),
      Step(.seconds(3), .notification(.c1, messageID: "m9")),
      Step(.seconds(3), .disconnected(.c1, closeCode: 4004)),
      Step(.seconds(4), .notification(.c2, messageID: "m2"), [.deliver(messageID: "m2")]),
    ]
  ),
  EventSubCase(
    name: "session_reconnect answered by a new session id: resubscribe",
    steps: handoverStarted + [
      Step(
        .seconds(3), .welcome(.c2, sessionID: "s2", keepalive: keepalive),
        [
          .subscribe(sessionID: "s2", types: types), .close(.c1),
        ])
    ]
  ),
  EventSubCase(
    name: "old socket closing first during the handover",
    steps: handoverStarted + [
      Step(.seconds(2), .disconnected(.c1, closeCode: 4004), [.emitConnectionEvent(.connecting)]),
      Step(.seconds(3), .welcome(.c2, sessionID: "s1", keepalive: keepalive), [.emitConnectionEvent(.ready)]),
    ]
  ),
  EventSubCase(
    name: "new socket failing during the handover keeps the old one",
    steps: handoverStarted + [
      Step(.seconds(2), .disconnected(.c2, closeCode: nil)),
      Step(.seconds(3), .notification(.c1, messageID: "m1"), [.deliver(messageID: "m1")]),
    ]
  ),
  EventSubCase(
    name: "plain disconnect: reconnect, new session, resubscribe",
    steps: welcomed + [
      Step(
        .seconds(5), .disconnected(.c1, closeCode: 1006),
        [
          .scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting),
        ]),
      Step(.seconds(5), .notification(.c1, messageID: "late")),
      Step(.seconds(6), .reconnectTimerFired, [.open(.c2, url: url), .emitConnectionEvent(.connecting)]),
      Step(
        .seconds(6), .welcome(.c2, sessionID: "s2", keepalive: keepalive),
        [
          .subscribe(sessionID: "s2", types: types), .emitConnectionEvent(.ready),
        ]),
    ]
  ),
  EventSubCase(
    name: "keepalive watchdog reconnects a silent socket",
    steps: welcomed + [
      Step(.seconds(10), .keepalive(.c1)),
      Step(.seconds(25), .watchdogTick),
      Step(
        .seconds(25) + .milliseconds(1), .watchdogTick,
        [
          .close(.c1), .scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting),
        ]),
    ]
  ),
  EventSubCase(
    name: "notifications also feed the watchdog",
    steps: welcomed + [
      Step(.seconds(14), .notification(.c1, messageID: "m1"), [.deliver(messageID: "m1")]),
      Step(.seconds(28), .watchdogTick),
    ]
  ),
  EventSubCase(
    name: "a socket without a welcome times out",
    steps: [
      Step(.zero, .start, [.open(.c1, url: url), .emitConnectionEvent(.connecting)]),
      Step(.seconds(10), .watchdogTick),
      Step(
        .seconds(11), .watchdogTick,
        [.close(.c1), .scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting)]),
    ]
  ),
  EventSubCase(
    name: "a reconnect socket without a welcome is dropped, the old one stays",
    steps: handoverStarted + [
      Step(.seconds(5), .keepalive(.c1)),
      Step(.seconds(12), .watchdogTick, [.close(.c2)]),
      Step(.seconds(13), .notification(.c1, messageID: "m1"), [.deliver(messageID: "m1")]),
    ]
  ),
  EventSubCase(
    name: "revocation: recreate unless the status is final",
    steps: welcomed + [
      Step(
        .seconds(1),
        .revocation(.c1, messageID: "r1", subscriptionType: "channel.moderate", status: "beta_maintenance"),
        [
          .reportRevocation(subscriptionType: "channel.moderate", status: "beta_maintenance", willRecreate: true),
          .subscribe(sessionID: "s1", types: ["channel.moderate"]),
        ]),
      Step(
        .seconds(1), .revocation(.c1, messageID: "r1", subscriptionType: "channel.moderate", status: "beta_maintenance")
      ),
      Step(
        .seconds(2),
        .revocation(.c1, messageID: "r2", subscriptionType: "channel.moderate", status: "authorization_revoked"),
        [
          .reportRevocation(subscriptionType: "channel.moderate", status: "authorization_revoked", willRecreate: false)
        ]),
      Step(
        .seconds(3), .disconnected(.c1, closeCode: nil),
        [.scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting)]),
      Step(.seconds(4), .reconnectTimerFired, [.open(.c2, url: url), .emitConnectionEvent(.connecting)]),
      Step(
        .seconds(4), .welcome(.c2, sessionID: "s2", keepalive: keepalive),
        [
          .subscribe(sessionID: "s2", types: ["channel.chat.message"]), .emitConnectionEvent(.ready),
        ]),
    ]
  ),
  EventSubCase(
    name: "stop closes both sockets and ignores what follows",
    steps: handoverStarted + [
      Step(.seconds(2), .stop, [.close(.c1), .close(.c2), .emitConnectionEvent(.stopped)]),
      Step(.seconds(3), .notification(.c1, messageID: "m1")),
      Step(.seconds(3), .reconnectTimerFired),
      Step(.seconds(3), .start),
    ]
  ),
  EventSubCase(
    name: "a second session_reconnect during a handover is ignored",
    steps: handoverStarted + [Step(.seconds(2), .sessionReconnect(.c1, url: reconnectURL))]
  ),
]

@Suite struct EventSubSessionStateMachineTests {
  @Test(arguments: cases)
  func transitions(_ testCase: EventSubCase) {
    let t0 = ContinuousClock.now
    var machine = Machine(
      configuration: .init(url: url, subscriptionTypes: types), generator: FixedGenerator(value: 500))
    for (index, step) in testCase.steps.enumerated() {
      let actions = machine.handle(step.event, now: t0 + step.at)
      #expect(actions == step.expect, "step \(index): \(step.event)")
    }
  }

  @Test func sessionIdsAreTracked() {
    let t0 = ContinuousClock.now
    var machine = Machine(
      configuration: .init(url: url, subscriptionTypes: types), generator: FixedGenerator(value: 500))
    for step in handoverStarted { _ = machine.handle(step.event, now: t0) }
    #expect(machine.primaryConnection == .c1)
    #expect(machine.secondaryConnection == .c2)
    _ = machine.handle(.welcome(.c2, sessionID: "s1", keepalive: keepalive), now: t0)
    #expect(machine.primaryConnection == .c2)
    #expect(machine.secondaryConnection == nil)
    #expect(machine.sessionID == "s1")
    #expect(machine.subscribedSessionID == "s1")
    #expect(machine.phase == .ready)
  }
}
