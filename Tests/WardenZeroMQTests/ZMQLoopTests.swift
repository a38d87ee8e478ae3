import Foundation
import Synchronization
import Testing
import WardenZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

/// What a `ProbeDriver` saw, written on the loop's thread and read by the test.
struct ProbeLog: Sendable {
  /// `pthread_self()` of every call, to show they all run on one thread.
  var threads: Set<pthread_t> = []
  var madeOnThread: pthread_t?
  var madeOnThreadNamed: String?
  var messages: [[[UInt8]]] = []
  var wokenCount = 0
  var mailboxSeen: [Int] = []
  var tickCount = 0
  var timerFired = 0
  var finished = false
  var finishedOnThread: pthread_t?
}

/// The test's side of a driver: its log and a mailbox, as a real driver has.
final class Probe: Sendable {
  let log = Mutex(ProbeLog())
  let mailbox = Mailbox<Int>()
  /// Milliseconds of the driver's timer: `nil` for none.
  let timerMS: Int?
  /// Throw from `readable` when a message with this first frame arrives.
  let failOn: [UInt8]?

  init(timerMS: Int? = nil, failOn: [UInt8]? = nil) {
    self.timerMS = timerMS
    self.failOn = failOn
  }

  var snapshot: ProbeLog { log.withLock { $0 } }

  static let injectedFailure = ZMQError(code: EPROTO, operation: "ProbeDriver.readable")
}

/// A driver that records each call into its probe.
final class ProbeDriver: ZMQLoopDriver {
  let sockets: [ZMQSocket]
  private let probe: Probe
  private var deadline: ContinuousClock.Instant?

  init(sockets: [ZMQSocket], probe: Probe) {
    self.sockets = sockets
    self.probe = probe
    if let timerMS = probe.timerMS { deadline = .now.advanced(by: .milliseconds(timerMS)) }
    let name = Thread.current.name
    probe.log.withLock {
      $0.madeOnThread = pthread_self()
      $0.madeOnThreadNamed = name
      $0.threads.insert(pthread_self())
    }
  }

  func readable(socketAt index: Int) throws(ZMQError) {
    while let message = try sockets[index].receive(dontWait: true) {
      probe.log.withLock {
        $0.messages.append(message)
        $0.threads.insert(pthread_self())
      }
      if let failOn = probe.failOn, message.first == failOn { throw Probe.injectedFailure }
    }
  }

  func woken() throws(ZMQError) {
    let items = probe.mailbox.drain()
    probe.log.withLock {
      $0.threads.insert(pthread_self())
      $0.wokenCount += 1
      $0.mailboxSeen += items
    }
  }

  func nextTimeout() -> Int? {
    guard let deadline else { return nil }
    let remaining = ContinuousClock.now.duration(to: deadline)
    return max(0, Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
  }

  func tick() throws(ZMQError) {
    var fired = false
    if let current = deadline, ContinuousClock.now >= current, let timerMS = probe.timerMS {
      fired = true
      deadline = current.advanced(by: .milliseconds(timerMS))
    }
    probe.log.withLock {
      $0.threads.insert(pthread_self())
      $0.tickCount += 1
      if fired { $0.timerFired += 1 }
    }
  }

  func finish() {
    _ = probe.mailbox.close()
    for socket in sockets { socket.close() }
    probe.log.withLock {
      $0.finished = true
      $0.finishedOnThread = pthread_self()
      $0.threads.insert(pthread_self())
    }
  }
}

/// A driver that keeps the protocol's default `nextTimeout()` and `tick()`.
final class MinimalDriver: ZMQLoopDriver {
  let sockets: [ZMQSocket] = []
  private let finished: Shared<Bool>

  init(finished: Shared<Bool>) { self.finished = finished }

  func readable(socketAt index: Int) throws(ZMQError) {}
  func woken() throws(ZMQError) {}
  func finish() { finished.update { $0 = true } }
}

@Suite(.timeLimit(.minutes(1)))
struct ZMQLoopTests {
  /// Starts a loop whose probe driver owns one PULL socket bound to a fresh inproc endpoint, runs
  /// `body`, and always stops the loop, so the context never waits on an open socket.
  func withProbeLoop(
    _ probe: Probe, _ body: (ZMQLoop, ZMQContext, String) async throws -> Void
  ) async throws {
    let context = try ZMQContext()
    let endpoint = "inproc://loop-\(UUID().uuidString)"
    let loop = try await ZMQLoop.start(name: "probe-loop") {
      let pull = try ZMQSocket(context: context, type: .pull)
      try pull.bind(endpoint)
      return ProbeDriver(sockets: [pull], probe: probe)
    }
    do {
      try await body(loop, context, endpoint)
    } catch {
      await loop.stop()
      throw error
    }
    await loop.stop()
  }

  @Test func everyDriverCallRunsOnTheLoopsOneThread() async throws {
    let probe = Probe()
    let testThread = Shared<pthread_t?>(nil)
    try await withProbeLoop(probe) { loop, context, endpoint in
      #expect(loop.name == "probe-loop")
      #expect(loop.isRunning)
      let push = try ZMQSocket(context: context, type: .push)
      defer { push.close() }
      try push.connect(endpoint)
      try push.send(strings: ["x"])
      loop.wake()
      #expect(await eventually { probe.snapshot.messages.count == 1 && probe.snapshot.wokenCount >= 1 })
      testThread.update { $0 = pthread_self() }
    }
    let log = probe.snapshot
    #expect(log.finished)
    #expect(log.threads.count == 1)
    #expect(log.madeOnThread != nil)
    #expect(log.madeOnThread == log.finishedOnThread)
    #expect(log.madeOnThread != testThread.value)
  }

  @Test func loopThreadCarriesTheLoopsName() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { _, _, _ in }
    // Helps `top -H`, gdb and crash reports tell the loops apart.
    #expect(probe.snapshot.madeOnThreadNamed == "probe-loop")
  }

  @Test func readableIsCalledWhenAMessageArrives() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { _, context, endpoint in
      let push = try ZMQSocket(context: context, type: .push)
      defer { push.close() }
      try push.connect(endpoint)
      try push.send(strings: ["first", "frame two"])
      try push.send(strings: ["second"])
      #expect(await eventually { probe.snapshot.messages.count == 2 })
      #expect(
        probe.snapshot.messages == [
          [Array("first".utf8), Array("frame two".utf8)], [Array("second".utf8)],
        ])
    }
  }

  @Test func wokenIsCalledAfterWakeFromAnotherTask() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { loop, _, _ in
      let wasEmpty = try probe.mailbox.post(1)
      #expect(wasEmpty)
      await Task.detached { loop.wake() }.value
      #expect(await eventually { probe.snapshot.mailboxSeen == [1] })
      #expect(probe.snapshot.wokenCount >= 1)
    }
  }

  @Test func everyPostedItemIsSeenWhenManyTasksWake() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { loop, _, _ in
      await withTaskGroup(of: Void.self) { group in
        for sender in 0..<4 {
          group.addTask {
            for item in 0..<50 {
              if (try? probe.mailbox.post(sender * 1000 + item)) == true { loop.wake() }
            }
          }
        }
      }
      #expect(await eventually { probe.snapshot.mailboxSeen.count == 200 })
      let expected = Set((0..<4).flatMap { sender in (0..<50).map { sender * 1000 + $0 } })
      #expect(Set(probe.snapshot.mailboxSeen) == expected)
      // Wake-ups coalesce: never more calls than wakes.
      #expect((1...200).contains(probe.snapshot.wokenCount))
    }
  }

  @Test func timerFiresThroughNextTimeoutAndTick() async throws {
    let probe = Probe(timerMS: 10)
    try await withProbeLoop(probe) { _, _, _ in
      #expect(await eventually { probe.snapshot.timerFired >= 3 })
      #expect(probe.snapshot.tickCount >= probe.snapshot.timerFired)
      // Nothing but the timer happened.
      #expect(probe.snapshot.wokenCount == 0)
      #expect(probe.snapshot.messages.isEmpty)
    }
  }

  @Test func tickFollowsEveryRoundWithoutATimer() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { loop, _, _ in
      loop.wake()
      #expect(await eventually { probe.snapshot.wokenCount >= 1 && probe.snapshot.tickCount >= 1 })
      #expect(probe.snapshot.timerFired == 0)
    }
  }

  @Test func idleLoopWithoutTimerDoesNotSpin() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { loop, _, _ in
      loop.wake()
      #expect(await eventually { probe.snapshot.tickCount >= 1 })
      let ticks = probe.snapshot.tickCount
      try await Task.sleep(for: .milliseconds(100))
      // With no timeout the loop sleeps in zmq_poll until something happens.
      #expect(probe.snapshot.tickCount == ticks)
    }
  }

  @Test func stopReturnsAfterFinish() async throws {
    let probe = Probe()
    let context = try ZMQContext()
    let loop = try await ZMQLoop.start(name: "stop-loop") {
      let pull = try ZMQSocket(context: context, type: .pull)
      try pull.bind("inproc://stop-\(UUID().uuidString)")
      return ProbeDriver(sockets: [pull], probe: probe)
    }
    #expect(loop.isRunning)
    #expect(!probe.snapshot.finished)
    let error = await loop.stop()
    #expect(error == nil)
    #expect(probe.snapshot.finished)
    #expect(!loop.isRunning)
    // Stopping or waiting again answers at once with the same outcome.
    #expect(await loop.stop() == nil)
    #expect(await loop.ended() == nil)
  }

  @Test func requestStopThenEndedWaitsForTheThread() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { loop, _, _ in
      loop.requestStop()
      #expect(await loop.ended() == nil)
      #expect(probe.snapshot.finished)
      #expect(!loop.isRunning)
    }
  }

  @Test func finishClosesTheMailboxSoLatePostsFail() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { loop, _, _ in
      await loop.stop()
      #expect(throws: Mailbox<Int>.Closed.self) { try probe.mailbox.post(1) }
    }
  }

  @Test func manyWaitersAllSeeTheEnd() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { loop, _, _ in
      let results = await withTaskGroup(of: ZMQError?.self) { group in
        for _ in 0..<5 { group.addTask { await loop.ended() } }
        group.addTask { await loop.stop() }
        var results: [ZMQError?] = []
        for await result in group { results.append(result) }
        return results
      }
      #expect(results.count == 6)
      #expect(results.allSatisfy { $0 == nil })
    }
  }

  @Test func errorThrownByMakeIsRethrownByStart() async throws {
    let context = try ZMQContext()
    let made = Shared(false)
    let error = await #expect(throws: ZMQError.self) {
      _ = try await ZMQLoop.start(name: "bad-bind") { () throws -> ProbeDriver in
        let pull = try ZMQSocket(context: context, type: .pull)
        try pull.bind("bogus://nowhere")
        made.update { $0 = true }
        return ProbeDriver(sockets: [pull], probe: Probe())
      }
    }
    #expect(error?.code == EPROTONOSUPPORT)
    #expect(error?.operation == "zmq_bind(bogus://nowhere)")
    #expect(!made.value)
  }

  @Test func nonZMQErrorThrownByMakeIsRethrownToo() async throws {
    struct Refused: Error, Equatable {}
    await #expect(throws: Refused()) {
      _ = try await ZMQLoop.start(name: "refusing") { () throws -> MinimalDriver in throw Refused() }
    }
  }

  @Test func driverErrorEndsTheLoopAndIsReturnedByEnded() async throws {
    let probe = Probe(failOn: Array("fail".utf8))
    try await withProbeLoop(probe) { loop, context, endpoint in
      let push = try ZMQSocket(context: context, type: .push)
      defer { push.close() }
      try push.connect(endpoint)
      try push.send(strings: ["fine"])
      try push.send(strings: ["fail"])
      let error = await loop.ended()
      #expect(error == Probe.injectedFailure)
      #expect(!loop.isRunning)
      #expect(probe.snapshot.finished)
      #expect(probe.snapshot.messages.map(\.first) == [Array("fine".utf8), Array("fail".utf8)])
      // Once ended, stop reports the same error.
      #expect(await loop.stop() == Probe.injectedFailure)
    }
  }

  @Test func contextShutdownEndsTheLoopWithoutAnError() async throws {
    let probe = Probe()
    try await withProbeLoop(probe) { loop, context, _ in
      context.shutdown()
      #expect(await loop.ended() == nil)
      #expect(probe.snapshot.finished)
    }
  }

  @Test func driverWithDefaultTimeoutAndTickRunsAndStops() async throws {
    let finished = Shared(false)
    let loop = try await ZMQLoop.start(name: "minimal") { MinimalDriver(finished: finished) }
    loop.wake()
    #expect(await loop.stop() == nil)
    #expect(finished.value)
  }
}
