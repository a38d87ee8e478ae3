import NIOCore
import Testing

@testable import WardenTransport

/// Splitting bytes into lines, and lines into WebSocket frames.
@Suite struct LineFramingTests {
  private func lines(_ text: String) -> [String] {
    var result: [String] = []
    LineSplitter.forEachLine(in: ByteBuffer(string: text)) { result.append(String(decoding: $0, as: UTF8.self)) }
    return result
  }

  @Test func splitsAtLineFeedsDroppingCarriageReturnsAndEmptyLines() {
    #expect(lines("PING :a\r\nPING :b\r\n") == ["PING :a", "PING :b"])
    #expect(lines("one\ntwo\r\n\r\nthree") == ["one", "two", "three"])
    #expect(lines("") == [])
    #expect(lines("\r\n") == [])
    #expect(lines("last without ending") == ["last without ending"])
  }

  @Test func findsTheLastLineFeed() {
    #expect(LineSplitter.lastNewline(in: ByteBuffer(string: "a\r\nb\r\npart")) == 5)
    #expect(LineSplitter.lastNewline(in: ByteBuffer(string: "partial")) == nil)
  }

  @Test func framesHoldWholeLinesUpToTheLimit() {
    let connection = WebSocketConnection(maxFrameBytes: 16)
    #expect(connection.frames([]) == [])
    #expect(connection.frames(["JOIN #a", "PING"]) == ["JOIN #a\r\nPING\r\n"])
    #expect(connection.frames(["0123456789", "abcdef"]) == ["0123456789\r\n", "abcdef\r\n"])
    #expect(connection.frames(["a very long line indeed", "b"]) == ["a very long line indeed\r\n", "b\r\n"])
  }

  @Test func joinLinesStayShort() {
    let channels = (0..<100).map { "channel_number_\($0)" }
    let lines = IRCClientCore.joinLines(channels)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.hasPrefix("JOIN #") && $0.utf8.count <= 420 })
    let joined = lines.flatMap { $0.dropFirst(5).split(separator: ",").map { String($0.dropFirst()) } }
    #expect(joined == channels)
  }
}
