import Foundation
import Testing
import WardenZeroMQ

/// Failures carry libzmq's errno, its text and the call that failed.
@Suite(.timeLimit(.minutes(1)))
struct ZMQErrorTests {
  struct BadEndpoint: Sendable, CustomTestStringConvertible {
    let endpoint: String
    let codes: Set<Int32>
    var testDescription: String { endpoint.isEmpty ? "(empty)" : endpoint }
  }

  static let badEndpoints: [BadEndpoint] = [
    BadEndpoint(endpoint: "", codes: [EINVAL]),
    BadEndpoint(endpoint: "no-scheme", codes: [EINVAL]),
    BadEndpoint(endpoint: "bogus://somewhere", codes: [EPROTONOSUPPORT]),
    BadEndpoint(endpoint: "tcp://", codes: [EINVAL]),
    BadEndpoint(endpoint: "tcp://127.0.0.1", codes: [EINVAL]),
    BadEndpoint(endpoint: "tcp://127.0.0.1:notaport", codes: [EINVAL]),
    BadEndpoint(endpoint: "tcp://no.such.host.invalid:5555", codes: [EINVAL, ENODEV]),
    BadEndpoint(endpoint: "tcp://[::1:5555", codes: [EINVAL, ENODEV]),
    BadEndpoint(endpoint: "tcp://256.0.0.1:5555", codes: [EINVAL, ENODEV]),
    BadEndpoint(endpoint: "inproc://", codes: [EINVAL]),
    BadEndpoint(endpoint: "ipc://" + String(repeating: "d", count: 200), codes: [ENAMETOOLONG, EINVAL]),
  ]

  @Test(arguments: badEndpoints)
  func bindToABadEndpointThrowsErrnoAndText(_ bad: BadEndpoint) throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.pull)
    let error = try #require(throws: ZMQError.self) { try socket.bind(bad.endpoint) }
    #expect(bad.codes.contains(error.code), "errno \(error.code): \(error.message)")
    #expect(error.operation == "zmq_bind(\(bad.endpoint))")
    #expect(!error.message.isEmpty)
    #expect(error.message == String(cString: strerror(error.code)) || error.code > 1000)
    #expect(error.description.contains("zmq_bind(\(bad.endpoint))"))
    #expect(error.description.contains(error.message))
    #expect(error.description.contains("errno \(error.code)"))
  }

  @Test func connectToAnUnknownTransportThrowsEPROTONOSUPPORT() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.push)
    let error = try #require(throws: ZMQError.self) { try socket.connect("bogus://x") }
    #expect(error.code == EPROTONOSUPPORT)
    #expect(error.operation == "zmq_connect(bogus://x)")
    #expect(error.message == String(cString: strerror(EPROTONOSUPPORT)))
  }

  @Test func connectToAnAbsentTCPPeerIsNotAnError() throws {
    // libzmq connects in the background and retries; nothing listens on port 9 here.
    let bed = try ZMQTestBed()
    try bed.socket(.push).connect("tcp://127.0.0.1:9")
  }

  @Test func descriptionNamesOperationMessageAndErrno() {
    let error = ZMQError(code: EINVAL, operation: "zmq_bind(tcp://x)")
    #expect(error.code == EINVAL)
    #expect(error.message == "Invalid argument")
    #expect(error.description == "zmq_bind(tcp://x): Invalid argument (errno \(EINVAL))")
    #expect(!error.isTerminated)
    #expect(!error.wouldBlock)
  }

  @Test func wouldBlockIsEAGAIN() {
    #expect(ZMQError(code: EAGAIN, operation: "zmq_send").wouldBlock)
    #expect(!ZMQError(code: EINTR, operation: "zmq_send").wouldBlock)
  }

  @Test func errorsCompareByCodeAndOperation() {
    #expect(ZMQError(code: EINVAL, operation: "a") == ZMQError(code: EINVAL, operation: "a"))
    #expect(ZMQError(code: EINVAL, operation: "a") != ZMQError(code: EINVAL, operation: "b"))
    #expect(ZMQError(code: EINVAL, operation: "a") != ZMQError(code: EAGAIN, operation: "a"))
  }

  @Test func libzmqsOwnErrnoValuesHaveTheirOwnText() throws {
    // ETERM lies beyond the system's errno range; read one from a real terminated context.
    let context = try ZMQContext()
    context.shutdown()
    let error = try #require(throws: ZMQError.self) { try ZMQSocket(context: context, type: .pub) }
    #expect(error.isTerminated)
    #expect(error.code > 150_000_000)  // ZMQ_HAUSNUMERO + n
    #expect(error.message == "Context was terminated")
    #expect(ZMQError(code: error.code, operation: "x").isTerminated)
  }

  @Test func sendingNoFramesIsEINVAL() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.push)
    let error = try #require(throws: ZMQError.self) { try socket.send([]) }
    #expect(error.code == EINVAL)
    #expect(error.operation.contains("zmq_send(PUSH)"))
    let strings = try #require(throws: ZMQError.self) { try socket.send(strings: []) }
    #expect(strings.code == EINVAL)
  }

  @Test func closedSocketThrowsENOTSOCKForEveryOperation() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.dealer)
    socket.close()
    socket.close()  // closing twice is harmless

    var errors: [(String, ZMQError)] = []
    func record(_ label: String, _ body: () throws -> Void) {
      do {
        try body()
      } catch let error as ZMQError {
        errors.append((label, error))
      } catch {
        Issue.record("\(label) threw \(error), not a ZMQError")
      }
    }
    record("bind") { try socket.bind("inproc://closed") }
    record("connect") { try socket.connect("inproc://closed") }
    record("unbind") { try socket.unbind("inproc://closed") }
    record("disconnect") { try socket.disconnect("inproc://closed") }
    record("send") { try socket.send([[1]]) }
    record("send frame") { try socket.send(frame: [1]) }
    record("send strings") { try socket.send(strings: ["x"]) }
    record("receive") { _ = try socket.receive() }
    record("receive dontWait") { _ = try socket.receive(dontWait: true) }
    record("set Int32") { try socket.set(.linger, 0) }
    record("set Int64") { try socket.set(.maxMessageSize, 1) }
    record("set Bool") { try socket.set(.immediate, true) }
    record("set bytes") { try socket.set(.routingID, [1]) }
    record("set string") { try socket.set(.routingID, "id") }
    record("get Int32") { _ = try socket.get(.linger) }
    record("get Int64") { _ = try socket.get(.maxMessageSize) }
    record("get Bool") { _ = try socket.get(.immediate) }
    record("get String") { _ = try socket.get(.lastEndpoint) }

    #expect(errors.count == 18, "every operation on a closed socket must throw")
    for (label, error) in errors {
      #expect(error.code == ENOTSOCK, "\(label): \(error)")
      #expect(!error.message.isEmpty, "\(label)")
    }
    #expect(errors.first { $0.0 == "bind" }?.1.operation == "zmq_bind(inproc://closed)")
    #expect(errors.first { $0.0 == "set Int32" }?.1.operation == "zmq_setsockopt(ZMQ_LINGER)")
    #expect(errors.first { $0.0 == "get String" }?.1.operation == "zmq_getsockopt(ZMQ_LAST_ENDPOINT)")
  }
}
