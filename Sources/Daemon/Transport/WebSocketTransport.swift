import Logging
import NIOCore
import NIOPosix
import NIOSSL
import WSClient

/// A WebSocket client connection through `WSClient`: whole messages (fragments joined) go to the
/// receiver in order, on the connection's reading task; sending goes through a
/// `WebSocketConnection`.
enum WebSocketTransport {
  struct Options: Sendable {
    /// The largest message accepted from the server.
    var maxMessageBytes = 1 << 20
    /// The largest frame we send.
    var maxFrameBytes = 8_192
    /// How long the server may take to answer our close.
    var closeTimeout: Duration = .seconds(3)
  }

  /// Connects, runs until the connection closes, and returns the server's close code, if any
  /// (`nil` when the connection ended without a close frame).
  static func run(
    url: String,
    tls: TLSConfiguration?,
    options: Options,
    logger: Logger,
    receiver: some TransportReceiver
  ) async throws -> Int? {
    // WSClient traces the first bytes of every frame; ours carry `PASS oauth:…`. Never below debug.
    var logger = logger
    logger.logLevel = max(logger.logLevel, .debug)
    var configuration = WebSocketClientConfiguration(
      maxFrameSize: options.maxMessageBytes, closeTimeout: options.closeTimeout, validateUTF8: false)
    configuration.ignoreUncleanSSLShutdownErrors = true
    let frame = try await WebSocketClient.connect(
      url: url, configuration: configuration, tlsConfiguration: tls,
      eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger
    ) { inbound, outbound, _ in
      let connection = WebSocketConnection(maxFrameBytes: options.maxFrameBytes)
      receiver.opened(connection)
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await connection.runWriter(outbound, closeTimeout: options.closeTimeout) }
        group.addTask {
          defer { connection.finish() }
          try await read(inbound, maxMessageBytes: options.maxMessageBytes, receiver: receiver)
        }
        // Whichever ends first (the server closed, or our close timed out) ends the other.
        try await group.next()
        group.cancelAll()
      }
    }
    return frame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) }
  }

  /// Reads frames, joining fragments into whole messages.
  private static func read(
    _ inbound: WebSocketInboundStream, maxMessageBytes: Int, receiver: some TransportReceiver
  ) async throws {
    var pending: ByteBuffer?
    for try await frame in inbound {
      if frame.fin && pending == nil {
        receiver.received(frame.data)
        continue
      }
      var data = frame.data
      var message = pending ?? ByteBuffer()
      message.writeBuffer(&data)
      guard message.readableBytes <= maxMessageBytes else {
        throw TransportError.messageTooLarge(limit: maxMessageBytes)
      }
      if frame.fin {
        receiver.received(message)
        pending = nil
      } else {
        pending = message
      }
    }
  }
}
