import Testing
import WardenGateway

private typealias Machine = IRCConnectionStateMachine
private typealias IRCStep = Step<Machine.Event, Machine.Action>

private let url = "wss://irc.test"
private let auth = ["CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership", "PASS oauth:tok", "NICK warden"]
/// The delay that `FixedGenerator(value: 500)` yields for the first attempts.
private let delay = Duration.milliseconds(500)

private let login: [IRCStep] = [
  Step(.zero, .start, [.open(.c1, url: url), .emitConnectionEvent(.connecting)]),
  Step(.zero, .connected(.c1), [.send(.c1, lines: auth), .emitConnectionEvent(.authenticating)]),
  Step(.zero, .welcomeReceived(.c1), [.join(.c1, channels: ["alpha", "beta"]), .emitConnectionEvent(.ready)]),
]

struct IRCCase: Sendable, CustomTestStringConvertible {
  let name: String
  fileprivate let steps: [IRCStep]
  var testDescription: String { name }
}

private let cases: [IRCCase] = [
  IRCCase(name: "login sends CAP/PASS/NICK, 001 joins the channels", steps: login),
  IRCCase(
    name: "PING is answered with PONG",
    steps: login + [
      Step(.seconds(1), .pingReceived(.c1, payload: "tmi.twitch.tv"), [.send(.c1, lines: ["PONG :tmi.twitch.tv"])])
    ]
  ),
  IRCCase(
    name: "failed login stops for good",
    steps: [
      Step(.zero, .start, [.open(.c1, url: url), .emitConnectionEvent(.connecting)]),
      Step(.zero, .connected(.c1), [.send(.c1, lines: auth), .emitConnectionEvent(.authenticating)]),
      Step(
        .seconds(1), .authFailed(.c1, message: "Login authentication failed"),
        [
          .close(.c1), .reportAuthenticationFailure(message: "Login authentication failed"),
          .emitConnectionEvent(.failed),
        ]
      ),
      Step(.seconds(1), .disconnected(.c1, error: nil)),
      Step(.seconds(2), .reconnectTimerFired),
      Step(.seconds(3), .watchdogTick),
      Step(.seconds(4), .start),
    ]
  ),
  IRCCase(
    name: "disconnect schedules a reconnect that logs in and rejoins",
    steps: login + [
      Step(
        .seconds(5), .disconnected(.c1, error: "reset"),
        [.scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting)]),
      Step(.seconds(5), .lineReceived(.c1)),
      Step(.seconds(6), .reconnectTimerFired, [.open(.c2, url: url), .emitConnectionEvent(.connecting)]),
      Step(.seconds(6), .connected(.c2), [.send(.c2, lines: auth), .emitConnectionEvent(.authenticating)]),
      Step(
        .seconds(6), .welcomeReceived(.c2), [.join(.c2, channels: ["alpha", "beta"]), .emitConnectionEvent(.ready)]),
    ]
  ),
  IRCCase(
    name: "failure to connect backs off again",
    steps: [
      Step(.zero, .start, [.open(.c1, url: url), .emitConnectionEvent(.connecting)]),
      Step(
        .zero, .disconnected(.c1, error: "refused"),
        [.scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting)]),
      Step(.seconds(1), .reconnectTimerFired, [.open(.c2, url: url), .emitConnectionEvent(.connecting)]),
      Step(
        .seconds(1), .disconnected(.c2, error: "refused"),
        [.scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting)]),
    ]
  ),
  IRCCase(
    name: "silence sends our PING, no answer closes and reconnects",
    steps: login + [
      Step(.seconds(30), .lineReceived(.c1)),
      Step(.seconds(60), .watchdogTick),
      Step(.seconds(90), .watchdogTick, [.send(.c1, lines: ["PING :tmi.twitch.tv"])]),
      Step(.seconds(95), .watchdogTick),
      Step(
        .seconds(100), .watchdogTick,
        [.close(.c1), .scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting)]),
    ]
  ),
  IRCCase(
    name: "any line after our PING keeps the connection",
    steps: login + [
      Step(.seconds(60), .watchdogTick, [.send(.c1, lines: ["PING :tmi.twitch.tv"])]),
      Step(.seconds(62), .lineReceived(.c1)),
      Step(.seconds(75), .watchdogTick),
      Step(.seconds(122), .watchdogTick, [.send(.c1, lines: ["PING :tmi.twitch.tv"])]),
    ]
  ),
  IRCCase(
    name: "a handshake that takes too long is retried",
    steps: [
      Step(.zero, .start, [.open(.c1, url: url), .emitConnectionEvent(.connecting)]),
      Step(.seconds(14), .watchdogTick),
      Step(
        .seconds(15), .watchdogTick,
        [.close(.c1), .scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting)]),
    ]
  ),
  IRCCase(
    name: "RECONNECT opens the new connection before closing the old",
    steps: login + [
      Step(.seconds(10), .reconnectRequested(.c1), [.open(.c2, url: url)]),
      Step(.seconds(10), .reconnectRequested(.c1)),
      Step(.seconds(11), .pingReceived(.c1, payload: "x"), [.send(.c1, lines: ["PONG :x"])]),
      Step(.seconds(11), .connected(.c2), [.send(.c2, lines: auth)]),
      Step(.seconds(12), .welcomeReceived(.c2), [.join(.c2, channels: ["alpha", "beta"]), .close(.c1)]),
      Step(.seconds(12), .disconnected(.c1, error: nil)),
      Step(.seconds(13), .pingReceived(.c2, payload: "y"), [.send(.c2, lines: ["PONG :y"])]),
    ]
  ),
  IRCCase(
    name: "old connection dropped during the handover: the new one takes over",
    steps: login + [
      Step(.seconds(10), .reconnectRequested(.c1), [.open(.c2, url: url)]),
      Step(.seconds(10), .disconnected(.c1, error: nil), [.emitConnectionEvent(.connecting)]),
      Step(.seconds(11), .connected(.c2), [.send(.c2, lines: auth), .emitConnectionEvent(.authenticating)]),
      Step(
        .seconds(11), .welcomeReceived(.c2), [.join(.c2, channels: ["alpha", "beta"]), .emitConnectionEvent(.ready)]),
    ]
  ),
  IRCCase(
    name: "new connection failing during the handover keeps the old one",
    steps: login + [
      Step(.seconds(10), .reconnectRequested(.c1), [.open(.c2, url: url)]),
      Step(.seconds(11), .disconnected(.c2, error: "refused")),
      Step(
        .seconds(12), .disconnected(.c1, error: nil),
        [.scheduleReconnect(after: delay), .emitConnectionEvent(.reconnecting)]),
      Step(.seconds(13), .reconnectTimerFired, [.open(.c3, url: url), .emitConnectionEvent(.connecting)]),
    ]
  ),
  IRCCase(
    name: "stalled handover connection is closed by the watchdog",
    steps: login + [
      Step(.seconds(10), .reconnectRequested(.c1), [.open(.c2, url: url)]),
      Step(.seconds(24), .lineReceived(.c1)),
      Step(.seconds(25), .watchdogTick, [.close(.c2)]),
    ]
  ),
  IRCCase(
    name: "stop closes every connection",
    steps: login + [
      Step(.seconds(10), .reconnectRequested(.c1), [.open(.c2, url: url)]),
      Step(.seconds(11), .stop, [.close(.c1), .close(.c2), .emitConnectionEvent(.stopped)]),
      Step(.seconds(12), .disconnected(.c1, error: nil)),
      Step(.seconds(12), .start),
    ]
  ),
  IRCCase(
    name: "events about unknown connections are ignored",
    steps: [
      Step(.zero, .connected(.c1)),
      Step(.zero, .start, [.open(.c1, url: url), .emitConnectionEvent(.connecting)]),
      Step(.zero, .connected(.c2)),
      Step(.zero, .welcomeReceived(.c1)),
      Step(.zero, .reconnectTimerFired),
    ]
  ),
]

@Suite struct IRCConnectionStateMachineTests {
  private func makeMachine() -> Machine {
    Machine(
      configuration: .init(url: url, nick: "warden", token: "tok"),
      channels: ["#Alpha", "beta", "alpha"],
      generator: FixedGenerator(value: 500)
    )
  }

  @Test(arguments: cases)
  func transitions(_ testCase: IRCCase) {
    let t0 = ContinuousClock.now
    var machine = makeMachine()
    for (index, step) in testCase.steps.enumerated() {
      let actions = machine.handle(step.event, now: t0 + step.at)
      #expect(actions == step.expect, "step \(index): \(step.event)")
    }
  }

  @Test func channelsAddedAndRemovedWhileReady() {
    let t0 = ContinuousClock.now
    var machine = makeMachine()
    #expect(machine.addChannels(["gamma"]).isEmpty)
    for step in login { _ = machine.handle(step.event, now: t0) }
    #expect(machine.addChannels(["#Delta", "gamma"]) == [.join(.c1, channels: ["delta"])])
    #expect(machine.removeChannels(["alpha", "nope"]) == [.send(.c1, lines: ["PART #alpha"])])
    #expect(machine.channels == ["beta", "gamma", "delta"])
  }

  @Test func backoffGrowsAcrossFailuresAndResetsAfterAStableConnection() {
    let t0 = ContinuousClock.now
    var machine = Machine(
      configuration: .init(nick: "warden", token: "tok", backoff: .init(stablePeriod: .seconds(60))),
      generator: FixedGenerator(value: UInt64.max)
    )
    func delay(after failures: Int) -> Duration {
      .milliseconds(Int64(UInt64.max % UInt64(machine.backoff.ceiling(forAttempt: failures).wholeMilliseconds + 1)))
    }
    _ = machine.handle(.start, now: t0)
    var expected: [Duration] = []
    var delays: [Duration] = []
    for failure in 0..<3 {
      expected.append(delay(after: failure))
      let id = machine.primaryConnection!
      delays += machine.handle(.disconnected(id, error: nil), now: t0).compactMap(\.reconnectDelay)
      _ = machine.handle(.reconnectTimerFired, now: t0)
    }
    #expect(delays == expected)
    #expect(machine.backoff.attempt == 3)

    let id = machine.primaryConnection!
    _ = machine.handle(.connected(id), now: t0)
    _ = machine.handle(.welcomeReceived(id), now: t0)
    let actions = machine.handle(.disconnected(id, error: nil), now: t0 + .seconds(61))
    #expect(actions.compactMap(\.reconnectDelay) == [delay(after: 0)])
    #expect(machine.backoff.attempt == 1)
  }

  @Test func phaseIsReportedOnEveryChange() {
    let t0 = ContinuousClock.now
    var machine = makeMachine()
    var phases: [ConnectionPhase] = []
    for step in login {
      for case .emitConnectionEvent(let phase) in machine.handle(step.event, now: t0) { phases.append(phase) }
      #expect(phases.last == machine.phase)
    }
    #expect(phases == [.connecting, .authenticating, .ready])
  }
}

extension IRCConnectionStateMachine.Action {
  fileprivate var reconnectDelay: Duration? {
    if case .scheduleReconnect(let after) = self { return after }
    return nil
  }
}

@Suite struct IRCRedactionTests {
  @Test func descriptionsNeverShowTheToken() {
    let configuration = IRCConnectionStateMachine.Configuration(nick: "warden", token: "s3cret")
    var machine = IRCConnectionStateMachine(configuration: configuration, generator: FixedGenerator(value: 0))
    let t0 = ContinuousClock.now
    _ = machine.handle(.start, now: t0)
    let actions = machine.handle(.connected(.c1), now: t0)
    #expect(actions.contains(.send(.c1, lines: [auth[0], "PASS oauth:s3cret", "NICK warden"])))
    let text = "\(actions) \(configuration)"
    #expect(!text.contains("s3cret"))
    #expect(text.contains("PASS <redacted>"))
  }
}
