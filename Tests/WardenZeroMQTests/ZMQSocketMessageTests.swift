import Foundation
import Testing
import WardenZeroMQ

/// What goes in comes out: frames, bytes and text, whatever their size.
@Suite(.timeLimit(.minutes(1)))
struct ZMQSocketMessageTests {
  @Test(arguments: Transport.allCases)
  func multipartMessageKeepsEveryFrameInOrder(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: transport)
    let frames: [[UInt8]] = [Array("topic".utf8), [0, 1, 2, 255], [], Array(repeating: 7, count: 1000), [42]]
    #expect(try push.send(frames))
    #expect(try pull.receiveSoon() == frames)
  }

  @Test func framesSentOneByOneWithMoreFormOneMessage() throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: .inproc)
    try push.send(frame: [1], more: true)
    try push.send(frame: [2], more: true)
    try push.send(frame: [3])
    try push.send(frame: [4])
    #expect(try pull.receiveSoon() == [[1], [2], [3]])
    #expect(try pull.receiveSoon() == [[4]])
  }

  @Test func consecutiveMessagesStaySeparate() throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: .ipc)
    try push.send([[1], [2]])
    try push.send([[3]])
    try push.send([[4], [5], [6]])
    #expect(try pull.receiveSoon() == [[1], [2]])
    #expect(try pull.receiveSoon() == [[3]])
    #expect(try pull.receiveSoon() == [[4], [5], [6]])
  }

  @Test(arguments: [
    "plain ASCII",
    "emoji 🦀🎉 and a flag 🇩🇪",
    "family 👩‍👩‍👧‍👦 (zero-width joiners)",
    "日本語のチャット、中文聊天、한국어 채팅",
    "combining: e\u{301} a\u{308}\u{323} (not normalized)",
    "precomposed: \u{E9} \u{E4}",
    "decomposed Hangul \u{1100}\u{1161}\u{11A8}",
    "right to left: مرحبا שלום",
    "symbols: ∀x∈ℝ, ≠, €, 𝄞",
    "control and NUL: \u{0}\u{1}\t\n\r\u{7F}",
    "quotes \" and backslash \\ stay raw",
    "",
  ])
  func utf8TextArrivesByteForByte(_ text: String) throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: .tcp)
    try push.send(strings: ["topic", text])
    let message = try #require(try pull.receiveSoon())
    #expect(message.count == 2)
    // Compare bytes: String equality would also accept a normalized copy.
    #expect(message.last == Array(text.utf8))
    #expect(message.last.map { String(decoding: $0, as: UTF8.self) } == text)
  }

  @Test func decomposedAndPrecomposedTextStayDistinctOnTheWire() throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: .inproc)
    let decomposed = "e\u{301}"
    let precomposed = "\u{E9}"
    #expect(decomposed == precomposed)  // canonically equivalent Swift strings…
    try push.send(strings: [decomposed, precomposed])
    let message = try #require(try pull.receiveSoon())
    #expect(message == [[0x65, 0xCC, 0x81], [0xC3, 0xA9]])  // …but different bytes.
  }

  @Test(arguments: Transport.allCases)
  func emptyFramesAreKept(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: transport)
    try push.send([[]])
    #expect(try pull.receiveSoon() == [[]])
    try push.send([[], [], []])
    #expect(try pull.receiveSoon() == [[], [], []])
    try push.send(strings: ["", "middle", ""])
    #expect(try pull.receiveSoon() == [[], Array("middle".utf8), []])
  }

  @Test(arguments: Transport.allCases)
  func severalMebibyteFramesArriveIntact(_ transport: Transport) throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: transport)
    let large = patternBytes(count: 8 << 20)
    let second = patternBytes(count: 3 << 20 + 17, seed: 99)
    try push.send([Array("big".utf8), large, second])
    let message = try #require(try pull.receive(waitingAtMost: 30_000))
    #expect(message.count == 3)
    #expect(message.first == Array("big".utf8))
    #expect(message.dropFirst().map(\.count) == [large.count, second.count])
    let intact = message.count == 3 && message[1] == large && message[2] == second
    #expect(intact, "the content of the large frames changed in transit")
  }

  @Test func receiveDontWaitReturnsNilWhenNothingWaits() throws {
    let bed = try ZMQTestBed()
    let (pull, push) = try bed.connectedPair(.pull, .push, on: .inproc)
    #expect(try pull.receive(dontWait: true) == nil)
    try push.send(strings: ["now"])
    // inproc delivery is not instant either: wait for the message without asserting speed.
    var message: [[UInt8]]?
    for _ in 0..<5000 where message == nil {
      message = try pull.receive(dontWait: true)
      if message == nil { usleep(1000) }
    }
    #expect(message == [Array("now".utf8)])
    #expect(try pull.receive(dontWait: true) == nil)
  }

  @Test func receiveTimeoutReturnsNil() throws {
    let bed = try ZMQTestBed()
    let pull = try bed.socket(.pull)
    try pull.bind(bed.inprocEndpoint())
    try pull.set(.receiveTimeout, 20)
    #expect(try pull.receive() == nil)
    // The socket stays usable after a timeout.
    #expect(try pull.receive() == nil)
  }

  @Test func sendDontWaitReturnsFalseWithoutAPeer() throws {
    let bed = try ZMQTestBed()
    let push = try bed.socket(.push)
    try push.bind(bed.inprocEndpoint())
    #expect(try push.send([[1]], dontWait: true) == false)
    #expect(try push.send(frame: [1], dontWait: true) == false)
    #expect(try push.send(strings: ["x"], dontWait: true) == false)
  }

  @Test func blockingSendTimesOutWithEAGAIN() throws {
    let bed = try ZMQTestBed()
    let push = try bed.socket(.push)
    try push.bind(bed.inprocEndpoint())
    try push.set(.sendTimeout, 20)
    let error = try #require(throws: ZMQError.self) { try push.send(strings: ["nobody listens"]) }
    #expect(error.wouldBlock)
    #expect(error.code == EAGAIN)
  }

  @Test func sendDontWaitReturnsFalseWhenTheHighWaterMarkIsReached() throws {
    let bed = try ZMQTestBed()
    let push = try bed.socket(.push)
    try push.set(.sendHighWaterMark, 5)
    let pull = try bed.socket(.pull)
    try pull.set(.receiveHighWaterMark, 5)
    let endpoint = try bed.bind(pull, on: .inproc)
    try push.connect(endpoint)
    var accepted = 0
    while try push.send([[UInt8(accepted % 256)]], dontWait: true) {
      accepted += 1
      if accepted > 10_000 { break }
    }
    // inproc queues hold the sum of both sides' marks.
    #expect(accepted >= 5)
    #expect(accepted <= 10)
    for index in 0..<accepted {
      #expect(try pull.receiveSoon() == [[UInt8(index)]])
    }
  }

  @Test func publisherDropsForSubscribersOfOtherPrefixesAndSendsToMatchingOnes() throws {
    let bed = try ZMQTestBed()
    let publisher = try bed.socket(.xpub)
    let endpoint = try bed.bind(publisher, on: .ipc)
    let subscriber = try bed.socket(.sub)
    try subscriber.connect(endpoint)
    try subscriber.set(.subscribe, "chat.")
    // XPUB reports the subscription, so once it arrives the filter is in place.
    #expect(try publisher.receiveSoon() == [[1] + Array("chat.".utf8)])
    try publisher.send(strings: ["mod.ban.x", "not for chat"])
    try publisher.send(strings: ["chat.message.x", "for chat"])
    #expect(try subscriber.receiveSoon() == [Array("chat.message.x".utf8), Array("for chat".utf8)])
  }
}
