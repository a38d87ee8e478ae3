import Hummingbird
import HummingbirdWebSocket

extension IRCServer {
  /// IRC over WebSocket at `path`, as Twitch's `wss://irc-ws.chat.twitch.tv`: text frames
  /// carrying one or more CR LF-ended lines each way.
  public func addWebSocketRoute(to router: Router<BasicWebSocketRequestContext>, path: String) {
    router.ws(RouterPath(path)) { [self] inbound, outbound, _ in
      try await serveWebSocket(inbound: inbound, outbound: outbound)
    }
  }

  private func serveWebSocket(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
    let transport = WebSocketTransport(
      maxFrameBytes: options.maxWebSocketFrameBytes, maxPendingBytes: options.maxPendingBytes)
    let connection = accept(transport)
    defer { connectionClosed(connection) }
    let maxFrameBytes = options.maxWebSocketFrameBytes
    let maxLineBytes = options.maxLineBytes
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        while let buffer = await transport.next() {
          for frame in WebSocketTransport.frames(buffer, maxBytes: maxFrameBytes) {
            try await outbound.write(.text(String(buffer: frame)))
          }
        }
      }
      group.addTask {
        for try await message in inbound.messages(maxSize: 1 << 20) {
          guard case .text(let text) = message else { continue }
          for line in text.split(whereSeparator: \.isNewline) where line.utf8.count <= maxLineBytes {
            self.receive(String(line), from: connection)
          }
        }
      }
      try await group.next()
      group.cancelAll()
    }
    // A dropped connection ends without a clean close.
    if transport.closeMode == .abrupt { throw IRCConnectionDropped() }
  }
}

/// Ends a WebSocket handler as a failure, so the socket closes without a normal close.
struct IRCConnectionDropped: Error {}
