import Foundation
import Testing
import WardenZeroMQ

@Suite(.timeLimit(.minutes(1)))
struct ZMQContextTests {
  @Test func libraryVersionIsMajorMinorPatchOfLibzmq4() {
    let parts = ZMQContext.libraryVersion.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
    #expect(parts.first == "4")
  }

  @Test(arguments: [Int32(0), 1, 2])
  func createsContextWithIOThreads(_ ioThreads: Int32) throws {
    let context = try ZMQContext(ioThreads: ioThreads)
    let socket = try ZMQSocket(context: context, type: .pair)
    socket.close()
  }

  @Test func negativeIOThreadCountIsAnErrorNamingTheOption() throws {
    let error = try #require(throws: ZMQError.self) { try ZMQContext(ioThreads: -1) }
    #expect(error.code == EINVAL)
    #expect(error.operation.contains("ZMQ_IO_THREADS"))
    #expect(!error.message.isEmpty)
  }

  @Test func socketsOfOneContextShareInproc() throws {
    let bed = try ZMQTestBed()
    let endpoint = bed.inprocEndpoint()
    let pull = try bed.socket(.pull)
    try pull.bind(endpoint)
    let push = try bed.socket(.push)
    try push.connect(endpoint)
    try push.send(strings: ["same context"])
    #expect(try pull.receiveSoon() == [Array("same context".utf8)])
  }

  @Test func inprocDoesNotCrossContexts() throws {
    let first = try ZMQTestBed()
    let second = try ZMQTestBed()
    let endpoint = first.inprocEndpoint()
    try first.socket(.pull).bind(endpoint)
    // The name is free in the other context: inproc endpoints are per context.
    try second.socket(.pull).bind(endpoint)
  }

  @Test func shutdownEndsABlockedReceiveWithETERM() async throws {
    let context = try ZMQContext()
    let endpoint = "inproc://shutdown-\(UUID().uuidString)"
    let bound = Shared(false)
    let outcome = Shared<Result<[[UInt8]]?, ZMQError>?>(nil)
    let thread = Thread {
      do throws(ZMQError) {
        let socket = try ZMQSocket(context: context, type: .pull)
        defer { socket.close() }
        try socket.bind(endpoint)
        bound.update { $0 = true }
        // No timeout: only the shutdown can end this call.
        let message = try socket.receive()
        outcome.update { $0 = .success(message) }
      } catch {
        bound.update { $0 = true }
        outcome.update { $0 = .failure(error) }
      }
    }
    thread.start()
    #expect(await eventually { bound.value })
    // Whether the receive already blocks or is about to, it must end with ETERM.
    context.shutdown()
    #expect(await eventually { outcome.value != nil })
    guard case .failure(let error) = outcome.value else {
      Issue.record("receive ended with \(String(describing: outcome.value)), not ETERM")
      return
    }
    #expect(error.isTerminated)
    #expect(!error.wouldBlock)
    #expect(error.operation.contains("zmq_msg_recv"))
  }

  @Test func shutdownMakesNewSocketsFailWithETERM() throws {
    let context = try ZMQContext()
    context.shutdown()
    let error = try #require(throws: ZMQError.self) { try ZMQSocket(context: context, type: .pair) }
    #expect(error.isTerminated)
    #expect(error.operation.contains("PAIR"))
  }

  @Test func shutdownTwiceIsHarmless() throws {
    let context = try ZMQContext()
    context.shutdown()
    context.shutdown()
  }
}
