import NIOCore
import Synchronization

/// Where a connection's bytes go: a TCP socket or a WebSocket. Both take whole lines (each
/// ending in CR LF) from any thread and never block the caller.
protocol IRCTransport: Sendable {
  func send(_ buffer: ByteBuffer)
  func close(_ mode: IRCCloseMode)
}

/// One client connection: its transport and its protocol state.
final class IRCConnection: Sendable {
  let id: Int
  let transport: any IRCTransport
  let session: Mutex<IRCSession>

  init(id: Int, transport: any IRCTransport, session: IRCSession) {
    self.id = id
    self.transport = transport
    self.session = Mutex(session)
  }

  func send(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    transport.send(OutboundBatch.encode(lines))
  }
}
