import NIOCore

/// The sending side of one open connection. Both calls return at once and may come from any
/// thread.
protocol TransportConnection: Sendable {
  /// Queues lines (without CRLF) to be written in order, batched into as few writes as possible.
  func send(_ lines: [String])
  /// Starts closing the connection; the transport's `run` returns once it is closed.
  func close()
}

/// What a transport reports while it runs, on its own thread, in order.
protocol TransportReceiver: Sendable {
  /// The connection is open and can send (called once, before any `received`).
  func opened(_ connection: any TransportConnection)
  /// Bytes from the server: whole CRLF-ended lines from a socket, or one whole WebSocket message.
  func received(_ buffer: ByteBuffer)
}
