import Foundation
import Testing
import WardenZeroMQ

/// Typed options: what is set is read back, and the option changes behaviour.
@Suite(.timeLimit(.minutes(1)))
struct ZMQOptionTests {
  @Test(arguments: [
    (ZMQOption<Int32>.linger, Int32(0)),
    (.linger, 250),
    (.linger, -1),
    (.sendHighWaterMark, 0),
    (.sendHighWaterMark, 1),
    (.sendHighWaterMark, 100_000),
    (.receiveHighWaterMark, 0),
    (.receiveHighWaterMark, 1),
    (.receiveHighWaterMark, 100_000),
    (.sendTimeout, -1),
    (.sendTimeout, 0),
    (.sendTimeout, 1500),
    (.receiveTimeout, -1),
    (.receiveTimeout, 0),
    (.receiveTimeout, 1500),
    (.reconnectInterval, 10),
    (.reconnectInterval, 5000),
  ])
  func int32OptionRoundTrips(_ option: ZMQOption<Int32>, _ value: Int32) throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.dealer)
    try socket.set(option, value)
    #expect(try socket.get(option) == value)
  }

  @Test(arguments: [Int64(-1), 0, 1, 4096, 1 << 40, .max])
  func maxMessageSizeRoundTrips(_ value: Int64) throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.router)
    try socket.set(.maxMessageSize, value)
    #expect(try socket.get(.maxMessageSize) == value)
  }

  @Test func defaults() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.sub)
    // The wrapper's own default, so closing never waits long for an absent peer.
    #expect(try socket.get(.linger) == 100)
    // libzmq's defaults.
    #expect(try socket.get(.maxMessageSize) == -1)
    #expect(try socket.get(.sendHighWaterMark) == 1000)
    #expect(try socket.get(.receiveHighWaterMark) == 1000)
    #expect(try socket.get(.receiveTimeout) == -1)
    #expect(try socket.get(.sendTimeout) == -1)
    #expect(try socket.get(.immediate) == false)
    #expect(try socket.get(.receiveMore) == false)
    #expect(try socket.get(.lastEndpoint) == "")
  }

  @Test(arguments: [true, false, true])
  func immediateRoundTrips(_ value: Bool) throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.push)
    try socket.set(.immediate, value)
    #expect(try socket.get(.immediate) == value)
  }

  /// Write-only options of libzmq: setting them on the right socket type works.
  @Test(arguments: [
    (ZMQOption<Bool>.xpubVerbose, ZMQSocketType.xpub),
    (.xpubVerboser, .xpub),
    (.routerMandatory, .router),
    (.requestRelaxed, .req),
    (.requestCorrelate, .req),
    (.immediate, .dealer),
  ])
  func boolOptionsCanBeSetOnTheirSocketType(_ option: ZMQOption<Bool>, _ type: ZMQSocketType) throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(type)
    try socket.set(option, true)
    try socket.set(option, false)
  }

  @Test(arguments: [
    (ZMQOption<Bool>.xpubVerbose, ZMQSocketType.sub),
    (.xpubVerboser, .pull),
    (.routerMandatory, .dealer),
    (.requestRelaxed, .rep),
  ])
  func socketTypeSpecificOptionsFailWithEINVALElsewhere(_ option: ZMQOption<Bool>, _ type: ZMQSocketType) throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(type)
    let error = try #require(throws: ZMQError.self) { try socket.set(option, true) }
    #expect(error.code == EINVAL)
    #expect(error.operation == "zmq_setsockopt(\(option))")
  }

  @Test func readOnlyOptionsRefuseToBeSet() throws {
    let bed = try ZMQTestBed()
    let socket = try bed.socket(.dealer)
    let events = try #require(throws: ZMQError.self) { try socket.set(.events, 1) }
    #expect(events.code == EINVAL)
    #expect(events.operation == "zmq_setsockopt(ZMQ_EVENTS)")
    let more = try #require(throws: ZMQError.self) { try socket.set(.receiveMore, true) }
    #expect(more.code == EINVAL)
    #expect(more.operation == "zmq_setsockopt(ZMQ_RCVMORE)")
  }

  @Test func eventsReportsPollInWhenAMessageWaits() async throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: .inproc)
    let pollIn: Int32 = 1
    let pollOut: Int32 = 2
    #expect(try pull.get(.events) & pollIn == 0)
    #expect(try push.get(.events) & pollOut != 0)
    try push.send(strings: ["waiting"])
    #expect(try await eventually { try pull.get(.events) & pollIn != 0 })
    _ = try pull.receive()
    #expect(try pull.get(.events) & pollIn == 0)
  }

  @Test func optionDescriptionsAreLibzmqNames() {
    #expect("\(ZMQOption<Int32>.linger)" == "ZMQ_LINGER")
    #expect("\(ZMQOption<Int32>.sendHighWaterMark)" == "ZMQ_SNDHWM")
    #expect("\(ZMQOption<Int32>.receiveHighWaterMark)" == "ZMQ_RCVHWM")
    #expect("\(ZMQOption<Int32>.sendTimeout)" == "ZMQ_SNDTIMEO")
    #expect("\(ZMQOption<Int32>.receiveTimeout)" == "ZMQ_RCVTIMEO")
    #expect("\(ZMQOption<Int32>.reconnectInterval)" == "ZMQ_RECONNECT_IVL")
    #expect("\(ZMQOption<Int32>.events)" == "ZMQ_EVENTS")
    #expect("\(ZMQOption<Int64>.maxMessageSize)" == "ZMQ_MAXMSGSIZE")
    #expect("\(ZMQOption<Bool>.xpubVerbose)" == "ZMQ_XPUB_VERBOSE")
    #expect("\(ZMQOption<Bool>.xpubVerboser)" == "ZMQ_XPUB_VERBOSER")
    #expect("\(ZMQOption<Bool>.routerMandatory)" == "ZMQ_ROUTER_MANDATORY")
    #expect("\(ZMQOption<Bool>.requestRelaxed)" == "ZMQ_REQ_RELAXED")
    #expect("\(ZMQOption<Bool>.requestCorrelate)" == "ZMQ_REQ_CORRELATE")
    #expect("\(ZMQOption<Bool>.immediate)" == "ZMQ_IMMEDIATE")
    #expect("\(ZMQOption<Bool>.receiveMore)" == "ZMQ_RCVMORE")
    #expect("\(ZMQOption<[UInt8]>.subscribe)" == "ZMQ_SUBSCRIBE")
    #expect("\(ZMQOption<[UInt8]>.unsubscribe)" == "ZMQ_UNSUBSCRIBE")
    #expect("\(ZMQOption<[UInt8]>.routingID)" == "ZMQ_ROUTING_ID")
    #expect("\(ZMQOption<String>.lastEndpoint)" == "ZMQ_LAST_ENDPOINT")
  }

  // MARK: Subscriptions

  @Test(arguments: [
    [UInt8](), Array("mod.".utf8), Array("chat.message.".utf8), [0, 255, 1], Array("日本.".utf8),
  ])
  func subscribeAcceptsAnyBytes(_ prefix: [UInt8]) throws {
    let bed = try ZMQTestBed()
    let subscriber = try bed.socket(.sub)
    try subscriber.set(.subscribe, prefix)
    try subscriber.set(.unsubscribe, prefix)
  }

  @Test func subscribeOnANonSubscriberFailsWithEINVAL() throws {
    let bed = try ZMQTestBed()
    let push = try bed.socket(.push)
    let error = try #require(throws: ZMQError.self) { try push.set(.subscribe, "mod.") }
    #expect(error.code == EINVAL)
    #expect(error.operation == "zmq_setsockopt(ZMQ_SUBSCRIBE)")
  }

  @Test func stringAndByteSubscriptionsReachThePublisherAlike() throws {
    let bed = try ZMQTestBed()
    let publisher = try bed.socket(.xpub)
    let endpoint = try bed.bind(publisher, on: .inproc)
    let subscriber = try bed.socket(.sub)
    try subscriber.connect(endpoint)
    try subscriber.set(.subscribe, "mod.")
    try subscriber.set(.subscribe, Array("sys.".utf8))
    #expect(try publisher.receiveSoon() == [[1] + Array("mod.".utf8)])
    #expect(try publisher.receiveSoon() == [[1] + Array("sys.".utf8)])
  }

  @Test func unsubscribeStopsDelivery() throws {
    let bed = try ZMQTestBed()
    let publisher = try bed.socket(.xpub)
    let endpoint = try bed.bind(publisher, on: .inproc)
    let subscriber = try bed.socket(.sub)
    try subscriber.connect(endpoint)
    try subscriber.set(.subscribe, "a.")
    try subscriber.set(.subscribe, "b.")
    #expect(try publisher.receiveSoon() == [Array("\u{1}a.".utf8)])
    #expect(try publisher.receiveSoon() == [Array("\u{1}b.".utf8)])
    try subscriber.set(.unsubscribe, "a.")
    #expect(try publisher.receiveSoon() == [Array("\u{0}a.".utf8)])
    try publisher.send(strings: ["a.1", "dropped"])
    try publisher.send(strings: ["b.1", "kept"])
    #expect(try subscriber.receiveSoon() == [Array("b.1".utf8), Array("kept".utf8)])
  }

  // MARK: Behaviour behind the options

  @Test func xpubVerboserPassesEverySubscriptionAndUnsubscription() throws {
    let bed = try ZMQTestBed()
    let publisher = try bed.socket(.xpub)
    try publisher.set(.xpubVerboser, true)
    let endpoint = try bed.bind(publisher, on: .ipc)
    let first = try bed.socket(.sub)
    let second = try bed.socket(.sub)
    try first.connect(endpoint)
    try second.connect(endpoint)
    try first.set(.subscribe, "mod.")
    #expect(try publisher.receiveSoon() == [[1] + Array("mod.".utf8)])
    // A duplicate subscription is passed up too (plain XPUB would swallow it).
    try second.set(.subscribe, "mod.")
    #expect(try publisher.receiveSoon() == [[1] + Array("mod.".utf8)])
    try second.set(.unsubscribe, "mod.")
    #expect(try publisher.receiveSoon() == [[0] + Array("mod.".utf8)])
    try first.set(.subscribe, "")
    #expect(try publisher.receiveSoon() == [[1]])
  }

  @Test func plainXPUBSwallowsADuplicateSubscription() throws {
    let bed = try ZMQTestBed()
    let publisher = try bed.socket(.xpub)
    let endpoint = try bed.bind(publisher, on: .inproc)
    let first = try bed.socket(.sub)
    let second = try bed.socket(.sub)
    try first.connect(endpoint)
    try second.connect(endpoint)
    try first.set(.subscribe, "mod.")
    #expect(try publisher.receiveSoon() == [[1] + Array("mod.".utf8)])
    try second.set(.subscribe, "mod.")
    try second.set(.subscribe, "chat.")
    // The duplicate never arrives: the next message is the second, new topic.
    #expect(try publisher.receiveSoon() == [[1] + Array("chat.".utf8)])
  }

  @Test func xpubVerboseAlsoPassesDuplicateSubscriptions() throws {
    let bed = try ZMQTestBed()
    let publisher = try bed.socket(.xpub)
    try publisher.set(.xpubVerbose, true)
    let endpoint = try bed.bind(publisher, on: .inproc)
    let first = try bed.socket(.sub)
    let second = try bed.socket(.sub)
    try first.connect(endpoint)
    try second.connect(endpoint)
    try first.set(.subscribe, "mod.")
    #expect(try publisher.receiveSoon() == [[1] + Array("mod.".utf8)])
    try second.set(.subscribe, "mod.")
    #expect(try publisher.receiveSoon() == [[1] + Array("mod.".utf8)])
  }

  @Test(arguments: [Transport.ipc, .tcp])
  func maxMessageSizeKeepsAnOversizedMessageOut(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let pull = try bed.socket(.pull)
    try pull.set(.maxMessageSize, 1024)
    let endpoint = try bed.bind(pull, on: transport)
    let push = try bed.socket(.push)
    try push.connect(endpoint)
    let fits = patternBytes(count: 1024)
    try push.send([fits])
    #expect(try pull.receiveSoon() == [fits])
    try push.send([patternBytes(count: 1025)])
    // Not a timing claim: the oversized message is never delivered, however long one waits.
    #expect(try pull.receive(waitingAtMost: 300) == nil)
    // The limit cut that peer off; a new peer gets through again.
    let another = try bed.socket(.push)
    try another.connect(endpoint)
    try another.send(strings: ["small"])
    #expect(try pull.receiveSoon() == [Array("small".utf8)])
  }

  @Test func routerMandatoryTurnsAnUnknownPeerIntoEHOSTUNREACH() throws {
    let bed = try ZMQTestBed()
    let router = try bed.socket(.router)
    try router.bind(bed.inprocEndpoint())
    // Without the option the message is silently dropped.
    #expect(try router.send([Array("nobody".utf8), Array("lost".utf8)]))
    try router.set(.routerMandatory, true)
    let error = try #require(throws: ZMQError.self) {
      try router.send([Array("nobody".utf8), Array("lost".utf8)])
    }
    #expect(error.code == EHOSTUNREACH)
    #expect(error.operation == "zmq_send(ROUTER)")
  }

  @Test func requestRelaxedAllowsANewRequestBeforeTheReply() throws {
    let bed = try ZMQTestBed()
    let (router, req) = try bed.connectedPair(.router, .req, on: .inproc)
    try req.send(strings: ["first"])
    // Strict REQ refuses a second request while one is outstanding.
    let error = try #require(throws: ZMQError.self) { try req.send(strings: ["second"]) }
    #expect(!error.wouldBlock)
    #expect(!error.message.isEmpty)
    try req.set(.requestRelaxed, true)
    try req.set(.requestCorrelate, true)
    try req.send(strings: ["second"])
    let first = try #require(try router.receiveSoon())
    #expect(first.last == Array("first".utf8))
    let second = try #require(try router.receiveSoon())
    #expect(second.last == Array("second".utf8))
  }

  @Test func receiveMoreIsFalseOnceAWholeMessageWasReceived() throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: .inproc)
    try push.send([[1], [2]])
    _ = try pull.receiveSoon()
    #expect(try pull.get(.receiveMore) == false)
  }

  @Test func receiveHighWaterMarkOfZeroMeansNoLimit() throws {
    let bed = try ZMQTestBed()
    let pull = try bed.socket(.pull)
    try pull.set(.receiveHighWaterMark, 0)
    let push = try bed.socket(.push)
    try push.set(.sendHighWaterMark, 0)
    try push.connect(try bed.bind(pull, on: .inproc))
    var accepted = 0
    while accepted < 5000, try push.send([[UInt8(accepted % 256)]], dontWait: true) { accepted += 1 }
    #expect(accepted == 5000, "a send was refused although neither side has a high-water mark")
    for index in 0..<accepted {
      let message = try pull.receiveSoon()
      if message != [[UInt8(index % 256)]] {
        Issue.record("message \(index) was \(String(describing: message))")
        break
      }
    }
  }
}
