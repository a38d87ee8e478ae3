import NIOCore
import NIOEmbedded
import Synchronization
import Testing

@testable import WardenTransport

/// The TCP line framing: whole lines whatever the read boundaries, and a bound on line length.
@Suite struct LineFramingHandlerTests {
  private final class Recorder: TransportReceiver {
    let lines = Mutex<[String]>([])
    let chunks = Mutex(0)
    let openings = Mutex(0)

    func opened(_ connection: any TransportConnection) {
      openings.withLock { $0 += 1 }
    }

    func received(_ buffer: ByteBuffer) {
      chunks.withLock { $0 += 1 }
      LineSplitter.forEachLine(in: buffer) { line in
        lines.withLock { $0.append(String(decoding: line, as: UTF8.self)) }
      }
    }
  }

  @Test func linesSplitAcrossReadsArriveWhole() throws {
    let recorder = Recorder()
    let failure = FailureBox()
    let channel = EmbeddedChannel(
      handler: LineFramingHandler(receiver: recorder, maxLineBytes: 64, failure: failure))
    try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 6667)).wait()
    for piece in ["PING :a\r\nPRIV", "MSG #c ", ":hi\r", "\nPING :b\r\nPI", "NG :c\r\n", "\r\n"] {
      try channel.writeInbound(ByteBuffer(string: piece))
    }
    #expect(recorder.lines.withLock { $0 } == ["PING :a", "PRIVMSG #c :hi", "PING :b", "PING :c"])
    #expect(recorder.openings.withLock { $0 } == 1)
    #expect(failure.recorded == nil)
    _ = try channel.finish()
  }

  @Test func aLineLongerThanTheLimitClosesTheChannel() throws {
    let recorder = Recorder()
    let failure = FailureBox()
    let channel = EmbeddedChannel(
      handler: LineFramingHandler(receiver: recorder, maxLineBytes: 16, failure: failure))
    try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 6667)).wait()
    try channel.writeInbound(ByteBuffer(string: "ok\r\n0123456789"))
    try channel.writeInbound(ByteBuffer(string: "0123456789"))
    #expect(recorder.lines.withLock { $0 } == ["ok"])
    #expect(failure.recorded.map { "\($0)" } == "the server sent a line longer than 16 bytes")
    #expect(!channel.isActive)
  }
}
