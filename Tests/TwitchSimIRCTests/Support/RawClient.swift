import Foundation
import NIOCore
import NIOPosix
import Synchronization
import WardenTestSupport

/// What a raw client received: every byte, the lines (split at CR LF), and whether the server
/// closed. In counting mode only the byte count is kept (for throughput measurements).
final class ReceiveLog: Sendable {
  private struct State {
    var bytes: [UInt8] = []
    var byteCount = 0
    var lines: [String] = []
    var partial: [UInt8] = []
    var closed = false
  }

  private let state = Mutex(State())
  private let countOnly: Atomic<Bool>

  init(countOnly: Bool) { self.countOnly = Atomic(countOnly) }

  /// From now on, only count bytes.
  func startCounting() { countOnly.store(true, ordering: .relaxed) }

  func append(_ buffer: ByteBuffer) {
    let counting = countOnly.load(ordering: .relaxed)
    state.withLock { state in
      state.byteCount += buffer.readableBytes
      guard !counting else { return }
      let bytes = Array(buffer.readableBytesView)
      state.bytes += bytes
      for byte in bytes {
        if byte == UInt8(ascii: "\n") {
          if state.partial.last == UInt8(ascii: "\r") { state.partial.removeLast() }
          state.lines.append(String(decoding: state.partial, as: UTF8.self))
          state.partial.removeAll(keepingCapacity: true)
        } else {
          state.partial.append(byte)
        }
      }
    }
  }

  func markClosed() { state.withLock { $0.closed = true } }

  var bytes: [UInt8] { state.withLock { $0.bytes } }
  var byteCount: Int { state.withLock { $0.byteCount } }
  var lines: [String] { state.withLock { $0.lines } }
  var closed: Bool { state.withLock { $0.closed } }
}

private final class Collector: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  let log: ReceiveLog

  init(log: ReceiveLog) { self.log = log }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    log.append(Self.unwrapInboundIn(data))
  }

  func channelInactive(context: ChannelHandlerContext) {
    log.markClosed()
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}

/// A raw TCP IRC client for end-to-end tests.
final class RawClient: Sendable {
  let channel: any Channel
  let log: ReceiveLog

  private init(channel: any Channel, log: ReceiveLog) {
    self.channel = channel
    self.log = log
  }

  static func connect(port: Int, countOnly: Bool = false) async throws -> RawClient {
    let log = ReceiveLog(countOnly: countOnly)
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(log: log)) }
      }
      .connect(host: "127.0.0.1", port: port).get()
    return RawClient(channel: channel, log: log)
  }

  /// Sends each line followed by CR LF.
  func send(_ lines: String...) async throws {
    try await sendBytes(Array(lines.map { $0 + "\r\n" }.joined().utf8))
  }

  func sendBytes(_ bytes: [UInt8]) async throws {
    try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
  }

  func close() async { try? await channel.close() }

  var lines: [String] { log.lines }

  /// The first line received that satisfies `predicate`, waiting for it up to `seconds`.
  func line(within seconds: Double = 10, where predicate: @escaping (String) -> Bool) async -> String? {
    _ = await eventually(seconds) { self.log.lines.contains(where: predicate) }
    return log.lines.first(where: predicate)
  }

  func line(containing text: String, within seconds: Double = 10) async -> String? {
    await line(within: seconds) { $0.contains(text) }
  }

  /// Whether the server closed the connection within `seconds`.
  func closed(within seconds: Double = 10) async -> Bool {
    await eventually(seconds) { self.log.closed }
  }
}
