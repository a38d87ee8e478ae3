import Testing
import WardenGateway

/// The transitions the transport added to the gateway's state machines: a restart with new
/// credentials (IRC) and a brand-new session (EventSub).
@Suite struct StateMachineRestartTests {
  private struct Zero: RandomNumberGenerator, Sendable {
    mutating func next() -> UInt64 { 0 }
  }

  private let start = ContinuousClock.now

  private func readyIRC() -> IRCConnectionStateMachine {
    var machine = IRCConnectionStateMachine(
      configuration: .init(url: "wss://irc.test", nick: "old", token: "t1", capabilities: ["a"]), channels: ["chan"],
      generator: Zero())
    _ = machine.handle(.start, now: start)
    _ = machine.handle(.connected(ConnectionID(1)), now: start)
    _ = machine.handle(.welcomeReceived(ConnectionID(1)), now: start)
    return machine
  }

  @Test func ircRestartWhenReadyHandsOverWithTheNewCredentials() {
    var machine = readyIRC()
    machine.updateCredentials(nick: "new", token: "t2")
    #expect(machine.handle(.restart, now: start) == [.open(ConnectionID(2), url: "wss://irc.test")])
    #expect(machine.phase == .ready)
    #expect(
      machine.handle(.connected(ConnectionID(2)), now: start) == [
        .send(ConnectionID(2), lines: ["CAP REQ :a", "PASS oauth:t2", "NICK new"])
      ])
    #expect(
      machine.handle(.welcomeReceived(ConnectionID(2)), now: start) == [
        .join(ConnectionID(2), channels: ["chan"]), .close(ConnectionID(1)),
      ])
  }

  @Test func ircRestartLeavesFailed() {
    var machine = readyIRC()
    _ = machine.handle(.authFailed(ConnectionID(1), message: "no"), now: start)
    #expect(machine.phase == .failed)
    #expect(
      machine.handle(.restart, now: start) == [
        .open(ConnectionID(2), url: "wss://irc.test"), .emitConnectionEvent(.connecting),
      ])
  }

  @Test func ircRestartWhileLoggingInStartsOver() {
    var machine = readyIRC()
    _ = machine.handle(.disconnected(ConnectionID(1), error: nil), now: start)
    _ = machine.handle(.reconnectTimerFired, now: start)
    #expect(
      machine.handle(.restart, now: start) == [
        .close(ConnectionID(2)), .open(ConnectionID(3), url: "wss://irc.test"),
      ])
    #expect(machine.handle(.restart, now: start).isEmpty == false)
    _ = machine.handle(.stop, now: start)
    #expect(machine.handle(.restart, now: start).isEmpty)
  }

  @Test func eventSubRestartOpensABrandNewSession() {
    var machine = EventSubSessionStateMachine(
      configuration: .init(url: "wss://es.test", subscriptionTypes: ["t"]), generator: Zero())
    _ = machine.handle(.start, now: start)
    let welcome = machine.handle(.welcome(ConnectionID(1), sessionID: "s1", keepalive: .seconds(10)), now: start)
    #expect(welcome.first == .subscribe(sessionID: "s1", types: ["t"]))
    #expect(
      machine.handle(.restart, now: start) == [
        .close(ConnectionID(1)), .open(ConnectionID(2), url: "wss://es.test"), .emitConnectionEvent(.connecting),
      ])
    #expect(machine.sessionID == nil)
    let again = machine.handle(.welcome(ConnectionID(2), sessionID: "s2", keepalive: .seconds(10)), now: start)
    #expect(again == [.subscribe(sessionID: "s2", types: ["t"]), .emitConnectionEvent(.ready)])
    _ = machine.handle(.stop, now: start)
    #expect(machine.handle(.restart, now: start).isEmpty)
  }
}
