import NIOCore
import Synchronization

/// A WebSocket client. Writes from any thread are appended to a pending buffer; the
/// connection's writer task takes it whole and sends it as text frames of whole lines, each
/// frame at most `maxFrameBytes` (Twitch puts one or several CR LF-ended lines in a frame).
final class WebSocketTransport: IRCTransport {
  private struct State {
    var pending = ByteBuffer()
    var waiter: CheckedContinuation<ByteBuffer?, Never>?
    var closed: IRCCloseMode?
  }

  let maxFrameBytes: Int
  private let maxPendingBytes: Int
  private let state = Mutex(State())

  init(maxFrameBytes: Int, maxPendingBytes: Int) {
    self.maxFrameBytes = maxFrameBytes
    self.maxPendingBytes = maxPendingBytes
  }

  func send(_ buffer: ByteBuffer) {
    let resume = state.withLock { state -> (CheckedContinuation<ByteBuffer?, Never>, ByteBuffer?)? in
      guard state.closed == nil else { return nil }
      guard state.pending.readableBytes + buffer.readableBytes <= maxPendingBytes else {
        state.closed = .abrupt
        state.pending = ByteBuffer()
        return state.waiter.take().map { ($0, nil) }
      }
      if let waiter = state.waiter.take() { return (waiter, buffer) }
      if state.pending.readableBytes == 0 {
        state.pending = buffer
      } else {
        state.pending.writeImmutableBuffer(buffer)
      }
      return nil
    }
    if let (waiter, value) = resume { waiter.resume(returning: value) }
  }

  func close(_ mode: IRCCloseMode) {
    let waiter = state.withLock { state -> CheckedContinuation<ByteBuffer?, Never>? in
      guard state.closed == nil else { return nil }
      state.closed = mode
      if mode == .abrupt { state.pending = ByteBuffer() }
      return state.waiter.take()
    }
    waiter?.resume(returning: nil)
  }

  /// How the server closed the connection, once it did.
  var closeMode: IRCCloseMode? { state.withLock { $0.closed } }

  /// The next bytes to send; `nil` once closed (after what was queued, for a graceful close)
  /// or when the task is cancelled.
  func next() async -> ByteBuffer? {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<ByteBuffer?, Never>) in
        let ready = state.withLock { state -> ByteBuffer?? in
          if state.pending.readableBytes > 0 {
            defer { state.pending = ByteBuffer() }
            return .some(state.pending)
          }
          if state.closed != nil || Task.isCancelled { return .some(nil) }
          state.waiter = continuation
          return .none
        }
        if let ready { continuation.resume(returning: ready) }
      }
    } onCancel: {
      state.withLock { $0.waiter.take() }?.resume(returning: nil)
    }
  }

  /// Cuts `buffer` into frames of whole lines of at most `maxBytes` each (a longer line goes
  /// alone in its own frame).
  static func frames(_ buffer: ByteBuffer, maxBytes: Int) -> [ByteBuffer] {
    var rest = buffer
    var frames: [ByteBuffer] = []
    while rest.readableBytes > maxBytes {
      let view = rest.readableBytesView
      let window = view.prefix(maxBytes)
      let cut: Int
      if let newline = window.lastIndex(of: .lineFeed) {
        cut = newline - view.startIndex + 1
      } else if let newline = view.firstIndex(of: .lineFeed) {
        cut = newline - view.startIndex + 1
      } else {
        cut = rest.readableBytes
      }
      frames.append(rest.readSlice(length: cut)!)
    }
    if rest.readableBytes > 0 { frames.append(rest) }
    return frames
  }
}
