/// Where a client's `run()` is: not started, running (with the stream its state uses to ask the
/// run loop for work), stopping (closing its sockets), or finished.
enum DriverRunState<Request: Sendable>: Sendable {
  case notStarted
  case running(AsyncStream<Request>.Continuation)
  case stopping(AsyncStream<Request>.Continuation, since: ContinuousClock.Instant)
  case finished

  /// Ends the run loop's request stream.
  func finishRequests() {
    switch self {
    case .running(let requests), .stopping(let requests, _): requests.finish()
    case .notStarted, .finished: break
    }
  }
}
