import CZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

/// An eventfd that other threads write to wake a `zmq_poll` loop; the loop polls its descriptor
/// next to its sockets.
final class WakeSignal: Sendable {
  let descriptor: Int32

  init() throws(ZMQError) {
    let descriptor = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
    guard descriptor >= 0 else { throw ZMQError(code: errno, operation: "eventfd") }
    self.descriptor = descriptor
  }

  deinit { Glibc.close(descriptor) }

  /// Wakes the loop; safe from any thread, never blocks.
  func signal() {
    var one: UInt64 = 1
    while write(descriptor, &one, MemoryLayout<UInt64>.size) < 0 && errno == EINTR {}
  }

  /// Resets the counter after a wake-up.
  func drain() {
    var value: UInt64 = 0
    while read(descriptor, &value, MemoryLayout<UInt64>.size) < 0 && errno == EINTR {}
  }
}
