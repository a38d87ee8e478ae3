import NIOCore
import NIOPosix
import Synchronization

/// A TCP client. Writes from any thread are appended to one pending buffer and flushed by a
/// single task on the channel's event loop, so a flood costs a memory copy per batch, not a
/// syscall per line. While the socket is not writable the buffer grows, up to a limit past
/// which the client is disconnected (a reader that cannot keep up).
final class TCPTransport: IRCTransport {
  private struct State {
    var pending = ByteBuffer()
    /// A flush is queued on the event loop, or waits for the socket to become writable.
    var flushing = false
    var closing = false
  }

  let channel: any Channel
  private let maxPendingBytes: Int
  private let state = Mutex(State())

  init(channel: any Channel, maxPendingBytes: Int) {
    self.channel = channel
    self.maxPendingBytes = maxPendingBytes
  }

  func send(_ buffer: ByteBuffer) {
    enum Next {
      case nothing
      case flush
      case overflow
    }
    let next = state.withLock { state -> Next in
      guard !state.closing else { return .nothing }
      guard state.pending.readableBytes + buffer.readableBytes <= maxPendingBytes else {
        state.closing = true
        return .overflow
      }
      if state.pending.readableBytes == 0 {
        state.pending = buffer
      } else {
        state.pending.writeImmutableBuffer(buffer)
      }
      guard !state.flushing else { return .nothing }
      state.flushing = true
      return .flush
    }
    switch next {
    case .nothing: break
    case .flush: channel.eventLoop.execute { self.flush() }
    case .overflow: reset()
    }
  }

  /// Writes what is pending if the socket takes it; otherwise waits for
  /// `channelWritabilityChanged`. Runs on the event loop.
  func flush() {
    let buffer = state.withLock { state -> ByteBuffer? in
      guard channel.isWritable else { return nil }
      state.flushing = false
      guard state.pending.readableBytes > 0 else { return nil }
      defer { state.pending = ByteBuffer() }
      return state.pending
    }
    if let buffer { channel.writeAndFlush(buffer, promise: nil) }
  }

  func close(_ mode: IRCCloseMode) {
    switch mode {
    case .abrupt:
      state.withLock { $0.closing = true }
      reset()
    case .graceful:
      channel.eventLoop.execute {
        let rest = self.state.withLock { state -> ByteBuffer in
          state.closing = true
          defer { state.pending = ByteBuffer() }
          return state.pending
        }
        // The write completes after every earlier one: then the socket closes.
        self.channel.writeAndFlush(rest).whenComplete { _ in self.channel.close(promise: nil) }
      }
    }
  }

  /// Closes with a TCP reset (SO_LINGER 0), dropping whatever is queued.
  private func reset() {
    guard let provider = channel as? any SocketOptionProvider else {
      channel.close(promise: nil)
      return
    }
    provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in self.channel.close(promise: nil) }
  }
}
