import CZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

/// An error reported by libzmq: the operation that failed, the errno value and libzmq's text for it.
public struct ZMQError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The errno value (`zmq_errno()`), including libzmq's own values such as `ETERM`.
  public let code: Int32
  /// `zmq_strerror(code)`.
  public let message: String
  /// The libzmq call that failed, for example `zmq_bind(ipc:///run/warden/cmd.v1)`.
  public let operation: String

  public init(code: Int32, operation: String) {
    self.code = code
    self.message = String(cString: zmq_strerror(code))
    self.operation = operation
  }

  /// The error left by the last failed libzmq call on this thread.
  static func last(_ operation: @autoclosure () -> String) -> ZMQError {
    ZMQError(code: zmq_errno(), operation: operation())
  }

  /// The context was terminated: loops end when they see this.
  public var isTerminated: Bool { code == czmq_eterm() }
  /// The call would have blocked (`EAGAIN`).
  public var wouldBlock: Bool { code == EAGAIN }
  /// A signal interrupted the call (`EINTR`); the wrapper retries these itself.
  var isInterrupted: Bool { code == EINTR }

  public var description: String { "\(operation): \(message) (errno \(code))" }
}

/// Runs a libzmq call until it returns something other than an `EINTR` failure.
@inline(__always)
func retryingInterrupts(_ call: () -> Int32) -> Int32 {
  while true {
    let result = call()
    if result != -1 || zmq_errno() != EINTR { return result }
  }
}
