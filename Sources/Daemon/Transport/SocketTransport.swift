import NIOCore
import NIOPosix
import NIOSSL

/// IRC over a TCP socket, optionally inside TLS (NIOSSL), framed into lines by
/// `LineFramingHandler`. Reads reach the receiver on the channel's event loop, with no task hop.
enum SocketTransport {
  /// Connects, runs until the connection closes (or the task is cancelled, which closes it),
  /// then throws the error that closed it, if any.
  static func run(
    host: String,
    port: Int,
    tls: NIOSSLContext?,
    serverHostname: String?,
    maxLineBytes: Int,
    connectTimeout: Duration,
    receiver: some TransportReceiver
  ) async throws {
    let failure = FailureBox()
    let bootstrap = makeBootstrap(
      tls: tls, serverHostname: serverHostname, maxLineBytes: maxLineBytes, connectTimeout: connectTimeout,
      receiver: receiver, failure: failure)
    let channel = try await bootstrap.connect(host: host, port: port).get()
    try await withTaskCancellationHandler {
      try await channel.closeFuture.get()
    } onCancel: {
      channel.close(promise: nil)
    }
    if let error = failure.recorded { throw error }
  }

  /// The bootstrap for one connection: TLS first when asked for, then line framing.
  static func makeBootstrap(
    tls: NIOSSLContext?,
    serverHostname: String?,
    maxLineBytes: Int,
    connectTimeout: Duration,
    receiver: some TransportReceiver,
    failure: FailureBox
  ) -> ClientBootstrap {
    ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connectTimeout(TimeAmount(connectTimeout))
      // Large reads under a flood: fewer calls into the reader, each with more lines.
      .channelOption(
        .recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 1_024, initial: 16_384, maximum: 262_144)
      )
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if let tls {
            let handler = try NIOSSLClientHandler(context: tls, serverHostname: serverHostname)
            try channel.pipeline.syncOperations.addHandler(handler)
          }
          let framing = LineFramingHandler(receiver: receiver, maxLineBytes: maxLineBytes, failure: failure)
          try channel.pipeline.syncOperations.addHandler(framing)
        }
      }
  }
}

/// The sending side of a socket: each `send` is one buffer, written and flushed at once. Closing
/// is always deferred to the channel's event loop, so it never runs inside the caller (which may
/// hold the client's lock).
struct SocketConnection: TransportConnection {
  let channel: any Channel

  func send(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    var buffer = channel.allocator.buffer(capacity: lines.reduce(0) { $0 + $1.utf8.count + 2 })
    for line in lines {
      buffer.writeString(line)
      buffer.writeStaticString("\r\n")
    }
    channel.writeAndFlush(buffer, promise: nil)
  }

  func close() {
    let channel = channel
    channel.eventLoop.execute { channel.close(promise: nil) }
  }
}
