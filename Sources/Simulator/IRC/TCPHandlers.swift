import NIOCore

/// Splits the byte stream into lines at LF (a preceding CR is dropped). A line longer than the
/// limit is discarded whole, as is anything left without a final newline at EOF.
struct IRCLineDecoder: ByteToMessageDecoder {
  typealias InboundOut = ByteBuffer

  let maxLineBytes: Int
  private var discarding = false

  init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

  mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    guard let newline = buffer.readableBytesView.firstIndex(of: .lineFeed) else {
      if buffer.readableBytes > maxLineBytes {
        discarding = true
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
      }
      return .needMoreData
    }
    var line = buffer.readSlice(length: newline - buffer.readerIndex)!
    buffer.moveReaderIndex(forwardBy: 1)
    if discarding {
      discarding = false
      return .continue
    }
    if line.readableBytesView.last == .carriageReturn { line.moveWriterIndex(to: line.writerIndex - 1) }
    guard line.readableBytes <= maxLineBytes else { return .continue }
    context.fireChannelRead(Self.wrapInboundOut(line))
    return .continue
  }

  mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
    -> DecodingState
  {
    while try decode(context: context, buffer: &buffer) == .continue {}
    buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
    return .needMoreData
  }
}

/// Connects a TCP channel to the server: one `IRCConnection` per channel, lines in, close out.
final class IRCChannelHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  private let server: IRCServer
  private var connection: IRCConnection?
  private var transport: TCPTransport?

  init(server: IRCServer) { self.server = server }

  func channelActive(context: ChannelHandlerContext) {
    let transport = TCPTransport(channel: context.channel, maxPendingBytes: server.options.maxPendingBytes)
    self.transport = transport
    connection = server.accept(transport)
    context.fireChannelActive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard let connection else { return }
    server.receive(String(buffer: Self.unwrapInboundIn(data)), from: connection)
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    if context.channel.isWritable { transport?.flush() }
    context.fireChannelWritabilityChanged()
  }

  func channelInactive(context: ChannelHandlerContext) {
    if let connection { server.connectionClosed(connection) }
    connection = nil
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}
