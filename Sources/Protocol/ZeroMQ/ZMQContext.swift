import CZeroMQ

/// A libzmq context. Contexts are thread-safe; sockets made from one are not.
public final class ZMQContext: Sendable {
  // A context handle is documented as safe to share between threads.
  nonisolated(unsafe) let handle: UnsafeMutableRawPointer

  /// Creates a context with `ioThreads` background I/O threads.
  public init(ioThreads: Int32 = 1) throws(ZMQError) {
    guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
    self.handle = handle
    if zmq_ctx_set(handle, ZMQ_IO_THREADS, ioThreads) != 0 {
      let error = ZMQError.last("zmq_ctx_set(ZMQ_IO_THREADS)")
      zmq_ctx_term(handle)
      throw error
    }
  }

  /// Makes every blocking call on this context's sockets fail with `ETERM`, so their loops end.
  public func shutdown() {
    zmq_ctx_shutdown(handle)
  }

  deinit {
    // Blocks until every socket is closed; sockets close with a short linger.
    _ = retryingInterrupts { zmq_ctx_term(handle) }
  }

  /// libzmq's version as `major.minor.patch`.
  public static var libraryVersion: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    var patch: Int32 = 0
    zmq_version(&major, &minor, &patch)
    return "\(major).\(minor).\(patch)"
  }
}
