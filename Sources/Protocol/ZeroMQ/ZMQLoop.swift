import CZeroMQ
import Foundation
import Synchronization

/// What runs on a `ZMQLoop`'s thread. The loop creates the driver on its own thread, so the
/// driver and its sockets never leave it; the rest of the program reaches the driver only
/// through state of its own (a mailbox behind a lock) plus `ZMQLoop.wake()`.
public protocol ZMQLoopDriver: AnyObject, SendableMetatype {
  /// The sockets to poll for input. Read once, after the driver is made.
  var sockets: [ZMQSocket] { get }
  /// A socket in `sockets` has a message waiting.
  func readable(socketAt index: Int) throws(ZMQError)
  /// Someone called `ZMQLoop.wake()`: look at the mailbox.
  func woken() throws(ZMQError)
  /// Milliseconds until the driver wants `tick()` called even if nothing happens; `nil` waits
  /// for input or a wake-up only.
  func nextTimeout() -> Int?
  /// Called after every poll round, for timers and deadlines.
  func tick() throws(ZMQError)
  /// The loop is ending: close the sockets (the driver's last chance to send).
  func finish()
}

extension ZMQLoopDriver {
  public func nextTimeout() -> Int? { nil }
  public func tick() throws(ZMQError) {}
}

/// A dedicated thread running a `zmq_poll` loop over one driver's sockets and a wake-up
/// descriptor. Nothing here blocks Swift's cooperative thread pool: starting and stopping
/// suspend the caller until the thread has answered.
public final class ZMQLoop: Sendable {
  private let wakeSignal: WakeSignal
  private let stopRequested = Atomic<Bool>(false)
  private let exit = Mutex<ExitState>(.running)
  public let name: String

  private enum ExitState {
    case running
    case waiting([CheckedContinuation<Void, Never>])
    case ended(ZMQError?)
  }

  private init(name: String, wakeSignal: WakeSignal) {
    self.name = name
    self.wakeSignal = wakeSignal
  }

  /// Starts a thread, makes the driver on it with `make` and begins polling. Returns once the
  /// driver exists; an error thrown by `make` (a failed bind, say) is rethrown here.
  public static func start<Driver: ZMQLoopDriver>(
    name: String,
    make: @escaping @Sendable () throws -> Driver
  ) async throws -> ZMQLoop {
    let loop = ZMQLoop(name: name, wakeSignal: try WakeSignal())
    try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
      let thread = Thread {
        czmq_name_current_thread(name)
        let driver: Driver
        do {
          driver = try make()
        } catch {
          started.resume(throwing: error)
          loop.ended(with: nil)
          return
        }
        started.resume()
        loop.run(driver)
      }
      thread.start()
    }
    return loop
  }

  /// Wakes the loop so its driver looks at its mailbox. Any thread; never blocks.
  public func wake() { wakeSignal.signal() }

  /// Asks the loop to end after its current round; the driver's `finish()` closes its sockets.
  public func requestStop() {
    stopRequested.store(true, ordering: .releasing)
    wakeSignal.signal()
  }

  /// Asks the loop to end and waits until its thread has closed its sockets. Returns the error
  /// that ended the loop early, if one did.
  @discardableResult
  public func stop() async -> ZMQError? {
    requestStop()
    return await ended()
  }

  /// Waits until the loop has ended, for whatever reason.
  @discardableResult
  public func ended() async -> ZMQError? {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let resumeNow = exit.withLock { state -> Bool in
        switch state {
        case .running:
          state = .waiting([continuation])
          return false
        case .waiting(var list):
          list.append(continuation)
          state = .waiting(list)
          return false
        case .ended:
          return true
        }
      }
      if resumeNow { continuation.resume() }
    }
    return exit.withLock { state in
      if case .ended(let error) = state { return error }
      return nil
    }
  }

  public var isRunning: Bool {
    exit.withLock { if case .ended = $0 { false } else { true } }
  }

  private func ended(with error: ZMQError?) {
    let waiting = exit.withLock { state -> [CheckedContinuation<Void, Never>] in
      defer { state = .ended(error) }
      if case .waiting(let list) = state { return list }
      return []
    }
    for continuation in waiting { continuation.resume() }
  }

  private func run(_ driver: some ZMQLoopDriver) {
    let sockets = driver.sockets
    var items = sockets.map { socket in
      zmq_pollitem_t(socket: socket.rawHandle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
    }
    items.append(zmq_pollitem_t(socket: nil, fd: wakeSignal.descriptor, events: Int16(ZMQ_POLLIN), revents: 0))
    var failure: ZMQError?
    do throws(ZMQError) {
      while !stopRequested.load(ordering: .acquiring) {
        let timeout = driver.nextTimeout().map { max(0, $0) } ?? -1
        let count = items.withUnsafeMutableBufferPointer { buffer in
          zmq_poll(buffer.baseAddress, Int32(buffer.count), timeout)
        }
        if count < 0 {
          let error = ZMQError.last("zmq_poll(\(name))")
          if error.isInterrupted { continue }
          throw error
        }
        for index in sockets.indices where items[index].revents & Int16(ZMQ_POLLIN) != 0 {
          try driver.readable(socketAt: index)
        }
        if items[sockets.count].revents & Int16(ZMQ_POLLIN) != 0 {
          wakeSignal.drain()
          try driver.woken()
        }
        try driver.tick()
      }
    } catch {
      // ETERM is the context's way of saying stop; anything else ends the loop and is reported.
      if !error.isTerminated { failure = error }
    }
    driver.finish()
    ended(with: failure)
  }
}
