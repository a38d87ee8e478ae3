import Foundation
import Testing
import WardenZeroMQ

/// Binding, connecting and the basic patterns over every transport.
@Suite(.timeLimit(.minutes(1)))
struct ZMQSocketTransportTests {
  @Test(arguments: Transport.allCases)
  func pairExchangesBothWays(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let (bound, connected) = try bed.connectedPair(.pair, .pair, on: transport)
    try connected.send(strings: ["ping"])
    #expect(try bound.receiveSoon() == [Array("ping".utf8)])
    try bound.send(strings: ["pong"])
    #expect(try connected.receiveSoon() == [Array("pong".utf8)])
  }

  @Test(arguments: Transport.allCases)
  func pushToPull(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: transport)
    for number in 1...20 { try push.send(strings: ["\(number)"]) }
    for number in 1...20 {
      #expect(try pull.receiveSoon() == [Array("\(number)".utf8)])
    }
  }

  @Test(arguments: Transport.allCases)
  func requestReply(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let (rep, req) = try bed.connectedPair(.rep, .req, on: transport)
    for round in 1...3 {
      try req.send(strings: ["question \(round)"])
      #expect(try rep.receiveSoon() == [Array("question \(round)".utf8)])
      try rep.send(strings: ["answer \(round)"])
      #expect(try req.receiveSoon() == [Array("answer \(round)".utf8)])
    }
  }

  @Test(arguments: Transport.allCases)
  func routerSeesTheDealersRoutingIDAndRepliesThroughIt(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let router = try bed.socket(.router)
    let endpoint = try bed.bind(router, on: transport)
    let dealer = try bed.socket(.dealer)
    try dealer.set(.routingID, "client-1")
    try dealer.connect(endpoint)
    try dealer.send(strings: ["", "request"])
    let received = try #require(try router.receiveSoon())
    #expect(received == [Array("client-1".utf8), [], Array("request".utf8)])
    try router.send([Array("client-1".utf8), [], Array("reply".utf8)])
    #expect(try dealer.receiveSoon() == [[], Array("reply".utf8)])
  }

  @Test(arguments: Transport.allCases)
  func publishToSubscriberOfAPrefix(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let (publisher, subscriber) = try bed.connectedPair(.pub, .sub, on: transport)
    try subscriber.set(.subscribe, "mod.")
    // A subscription takes a moment to reach the publisher: publish until one arrives.
    var first: [[UInt8]]?
    for _ in 0..<500 where first == nil {
      try publisher.send(strings: ["chat.message.x", "filtered out"])
      try publisher.send(strings: ["mod.ban.x", "hello"])
      first = try subscriber.receive(waitingAtMost: 10)
    }
    #expect(first == [Array("mod.ban.x".utf8), Array("hello".utf8)])
  }

  @Test(arguments: Transport.allCases)
  func connectBeforeBindDeliversOnceBound(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let endpoint: String
    switch transport {
    case .inproc: endpoint = bed.inprocEndpoint()
    case .ipc: endpoint = try bed.ipcEndpoint()
    case .tcp: return  // a TCP port is only known once bound
    }
    let push = try bed.socket(.push)
    try push.connect(endpoint)
    let pull = try bed.socket(.pull)
    try pull.bind(endpoint)
    try push.send(strings: ["late bind"])
    #expect(try pull.receiveSoon() == [Array("late bind".utf8)])
  }

  @Test func tcpWildcardPortIsReadBackFromLastEndpoint() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.pull)
    #expect(try socket.get(.lastEndpoint) == "")
    try socket.bind("tcp://127.0.0.1:*")
    let endpoint = try socket.get(.lastEndpoint)
    #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
    let port = try #require(Int(endpoint.dropFirst("tcp://127.0.0.1:".count)))
    #expect((1...65535).contains(port))
  }

  @Test func twoWildcardBindsGetDifferentPorts() throws {
    let bed = try ZMQTestBed()
    let first = try bed.socket(.pull)
    let second = try bed.socket(.pull)
    try first.bind("tcp://127.0.0.1:*")
    try second.bind("tcp://127.0.0.1:*")
    #expect(try first.get(.lastEndpoint) != second.get(.lastEndpoint))
  }

  @Test func ipcLastEndpointIsTheBoundPathAndTheSocketFileExists() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.pull)
    let path = try bed.ipcPath()
    #expect(path.utf8.count < 100)
    try socket.bind("ipc://" + path)
    #expect(try socket.get(.lastEndpoint) == "ipc://" + path)
    #expect(FileManager.default.fileExists(atPath: path))
  }

  @Test func inprocLastEndpointIsTheBoundName() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.pull)
    let endpoint = bed.inprocEndpoint()
    try socket.bind(endpoint)
    #expect(try socket.get(.lastEndpoint) == endpoint)
  }

  @Test func socketBindsSeveralEndpoints() throws {
    let bed = try ZMQTestBed()
    let pull = try bed.socket(.pull)
    let endpoints = [try bed.bind(pull, on: .inproc), try bed.bind(pull, on: .ipc), try bed.bind(pull, on: .tcp)]
    for (index, endpoint) in endpoints.enumerated() {
      let push = try bed.socket(.push)
      try push.connect(endpoint)
      try push.send(strings: ["via \(index)"])
    }
    var received: Set<String> = []
    for _ in endpoints.indices {
      let message = try #require(try pull.receiveSoon())
      received.insert(String(decoding: message[0], as: UTF8.self))
    }
    #expect(received == ["via 0", "via 1", "via 2"])
  }

  @Test func secondBindOfTheSameEndpointFailsWithEADDRINUSE() throws {
    let bed = try ZMQTestBed()
    let first = try bed.socket(.pull)
    let endpoint = try bed.bind(first, on: .tcp)
    let second = try bed.socket(.pull)
    let error = try #require(throws: ZMQError.self) { try second.bind(endpoint) }
    #expect(error.code == EADDRINUSE)
    #expect(error.operation == "zmq_bind(\(endpoint))")
  }

  @Test func secondBindOfTheSameInprocNameFailsWithEADDRINUSE() throws {
    let bed = try ZMQTestBed()
    let endpoint = bed.inprocEndpoint()
    try bed.socket(.pull).bind(endpoint)
    let error = try #require(throws: ZMQError.self) { try bed.socket(.pull).bind(endpoint) }
    #expect(error.code == EADDRINUSE)
  }

  @Test func unbindFreesTheTCPPort() async throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.pull)
    // A port below the kernel's ephemeral range (32768 and up): a port-0 bind elsewhere in the
    // parallel suite cannot take it between our unbind and rebind.
    var endpoint = ""
    for _ in 0..<50 where endpoint.isEmpty {
      let candidate = "tcp://127.0.0.1:\(Int.random(in: 20_000..<32_000))"
      if (try? socket.bind(candidate)) != nil { endpoint = candidate }
    }
    try #require(!endpoint.isEmpty, "no free port between 20000 and 32000")
    try socket.unbind(endpoint)
    // The listener closes on libzmq's I/O thread: the port is free again soon, not at once.
    let other = try bed.socket(.pull)
    let rebound = await eventually {
      do {
        try other.bind(endpoint)
        return true
      } catch {
        return false
      }
    }
    #expect(rebound)
  }

  @Test func unbindHandsTheIPCPathToTheNextSocket() throws {
    let bed = try ZMQTestBed()
    let endpoint = try bed.ipcEndpoint()
    let first = try bed.socket(.pull)
    try first.bind(endpoint)
    try first.unbind(endpoint)
    let second = try bed.socket(.pull)
    try second.bind(endpoint)
    let push = try bed.socket(.push)
    try push.connect(endpoint)
    try push.send(strings: ["to the second"])
    #expect(try second.receiveSoon() == [Array("to the second".utf8)])
    #expect(try first.receive(dontWait: true) == nil)
  }

  @Test func unbindAndDisconnectOfUnknownEndpointsFailWithENOENT() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.pull)
    let unbind = try #require(throws: ZMQError.self) { try socket.unbind("tcp://127.0.0.1:9") }
    #expect(unbind.code == ENOENT)
    #expect(unbind.operation == "zmq_unbind(tcp://127.0.0.1:9)")
    let disconnect = try #require(throws: ZMQError.self) { try socket.disconnect("tcp://127.0.0.1:9") }
    #expect(disconnect.code == ENOENT)
    #expect(disconnect.operation == "zmq_disconnect(tcp://127.0.0.1:9)")
  }

  @Test func disconnectLeavesNoPeerToSendTo() async throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: .tcp)
    try push.send(strings: ["before"])
    #expect(try pull.receiveSoon() == [Array("before".utf8)])
    try push.disconnect(try pull.get(.lastEndpoint))
    // With no peer left, a non-blocking send cannot be queued anywhere (once the pipe is gone).
    #expect(try await eventually { try push.send(strings: ["after"], dontWait: true) == false })
  }

  @Test(arguments: [
    ZMQSocketType.pub, .sub, .xpub, .xsub, .req, .rep, .dealer, .router, .pair, .push, .pull,
  ])
  func everySocketTypeOpensWithItsTypeAndName(_ type: ZMQSocketType) throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(type)
    #expect(socket.type == type)
    #expect(type.description == type.description.uppercased())
    #expect(!type.description.isEmpty)
  }

  @Test func socketTypeNamesAreLibzmqs() {
    let names = [ZMQSocketType.pub, .sub, .xpub, .xsub, .req, .rep, .dealer, .router, .pair, .push, .pull]
      .map(\.description)
    #expect(names == ["PUB", "SUB", "XPUB", "XSUB", "REQ", "REP", "DEALER", "ROUTER", "PAIR", "PUSH", "PULL"])
  }
}
