import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension URLSession {
  /// `data(for:)` whose cancellation stops waiting but never cancels the request itself: on
  /// Linux, cancelling an in-flight `URLSessionTask` can crash swift-corelibs-foundation
  /// ("Trying to access a behaviour for a task that in not in the registry"). A cancelled caller
  /// gets `CancellationError` at once; the request runs to its end (or its timeout) unobserved.
  func uncancelledData(for request: URLRequest) async throws -> (Data, URLResponse) {
    let outcome = Outcome()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        guard outcome.wait(continuation) else { return }
        dataTask(with: request) { data, response, error in
          if let error {
            outcome.finish(.failure(error))
          } else if let data, let response {
            outcome.finish(.success((data, response)))
          } else {
            outcome.finish(.failure(URLError(.badServerResponse)))
          }
        }.resume()
      }
    } onCancel: {
      outcome.finish(.failure(CancellationError()))
    }
  }
}

/// Resumes one continuation once, with whichever result comes first.
private final class Outcome: Sendable {
  private enum State {
    case idle
    case waiting(CheckedContinuation<(Data, URLResponse), any Error>)
    case done(Result<(Data, URLResponse), any Error>)
    case resumed
  }

  private let state = Mutex<State>(.idle)

  /// Registers the continuation; returns `false` (having resumed it) when the result is in.
  func wait(_ continuation: CheckedContinuation<(Data, URLResponse), any Error>) -> Bool {
    let early = state.withLock { state -> Result<(Data, URLResponse), any Error>? in
      if case .done(let result) = state {
        state = .resumed
        return result
      }
      state = .waiting(continuation)
      return nil
    }
    guard let early else { return true }
    continuation.resume(with: early)
    return false
  }

  func finish(_ result: Result<(Data, URLResponse), any Error>) {
    let waiting = state.withLock { state -> CheckedContinuation<(Data, URLResponse), any Error>? in
      switch state {
      case .idle:
        state = .done(result)
        return nil
      case .waiting(let continuation):
        state = .resumed
        return continuation
      case .done, .resumed:
        return nil
      }
    }
    waiting?.resume(with: result)
  }
}
