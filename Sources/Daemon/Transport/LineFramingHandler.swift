import NIOCore
import Synchronization

/// Cuts a byte stream into whole lines: each read hands the receiver the bytes up to the last LF
/// and keeps the rest for the next read. A line longer than `maxLineBytes` closes the channel.
final class LineFramingHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer

  private let receiver: any TransportReceiver
  private let maxLineBytes: Int
  private let failure: FailureBox
  private var partial: ByteBuffer?

  init(receiver: any TransportReceiver, maxLineBytes: Int, failure: FailureBox) {
    self.receiver = receiver
    self.maxLineBytes = maxLineBytes
    self.failure = failure
  }

  func channelActive(context: ChannelHandlerContext) {
    receiver.opened(SocketConnection(channel: context.channel))
    context.fireChannelActive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var buffer = unwrapInboundIn(data)
    if var pending = partial {
      // Complete the carried-over line with the bytes up to the first LF; copy nothing else.
      partial = nil
      guard let first = LineSplitter.firstNewline(in: buffer) else {
        pending.writeBuffer(&buffer)
        keep(pending, context: context)
        return
      }
      var head = buffer.readSlice(length: first + 1)!
      pending.writeBuffer(&head)
      receiver.received(pending)
    }
    guard let last = LineSplitter.lastNewline(in: buffer) else {
      keep(buffer, context: context)
      return
    }
    if let lines = buffer.readSlice(length: last + 1) { receiver.received(lines) }
    if buffer.readableBytes > 0 { keep(buffer, context: context) }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    failure.record(error)
    context.close(promise: nil)
  }

  /// Keeps the start of a line in a buffer of its own, so that the read buffer it came from is
  /// released and appending to it later copies nothing but the line.
  private func keep(_ buffer: ByteBuffer, context: ChannelHandlerContext) {
    guard buffer.readableBytes <= maxLineBytes else {
      failure.record(TransportError.lineTooLong(limit: maxLineBytes))
      context.close(promise: nil)
      return
    }
    var remainder = buffer
    var own = context.channel.allocator.buffer(capacity: max(remainder.readableBytes * 2, 1_024))
    own.writeBuffer(&remainder)
    partial = own
  }
}

/// The first error a channel saw, read once the channel has closed.
final class FailureBox: Sendable {
  private let error = Mutex<(any Error)?>(nil)

  func record(_ error: any Error) {
    self.error.withLock { if $0 == nil { $0 = error } }
  }

  var recorded: (any Error)? { error.withLock { $0 } }
}
