import Foundation
import Logging
import Synchronization

/// A one-shot HTTP listener on 127.0.0.1 for the authorization code flow: Twitch sends the
/// browser to `redirectURI` with `code` and `state`; `waitForCode(state:)` checks the state,
/// answers a short page and returns the code. Requests with another state (or another path)
/// get an error page and are otherwise ignored. It serves on a thread of its own, so it
/// never blocks Swift's cooperative pool, and closes its socket when the wait ends.
public final class AuthorizationCodeListener: Sendable {
  /// The port it listens on (the one asked for, or the one picked for port 0).
  public let port: Int
  /// The callback path, `/callback` by default.
  public let path: String
  private let socket: LoopbackSocket
  private let phase = Mutex(Phase.idle)
  private let stop = Atomic<Bool>(false)
  private let logger: Logger

  private enum Phase {
    case idle
    case waiting
    case closed
  }

  /// Binds 127.0.0.1:`port` at once, so that `redirectURI` is known before the browser is
  /// sent anywhere. Throws `OAuthError.listener` (e.g. the port is taken).
  public init(port: Int = 0, path: String = "/callback", logger: Logger) throws {
    socket = try LoopbackSocket.make(port: port)
    self.port = socket.port
    self.path = path.hasPrefix("/") ? path : "/" + path
    self.logger = logger
  }

  deinit {
    if phase.withLock({ $0 == .idle }) { socket.release() }
  }

  /// What to register at Twitch and pass to `authorizeURL` and `exchangeCode`.
  public var redirectURI: String { "http://localhost:\(port)\(path)" }

  /// Waits for the redirect with this `state` and returns its code. Throws
  /// `OAuthError.accessDenied` when the user declined, `OAuthError.listener` on socket
  /// failures, and `CancellationError` when the task is cancelled or `close()` is called.
  public func waitForCode(state: String) async throws -> String {
    let started = phase.withLock { phase in
      guard phase == .idle else { return false }
      phase = .waiting
      return true
    }
    guard started else {
      throw OAuthError(.listener, operation: "wait for the browser", message: "the listener was already used")
    }
    logger.info("waiting for the twitch sign-in redirect", metadata: ["oauth.port": "\(port)"])
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, any Error>) in
        let thread = Thread { [self] in
          let result = serve(state: state)
          phase.withLock { $0 = .closed }
          socket.release()
          continuation.resume(with: result)
        }
        thread.name = "warden-oauth-redirect"
        thread.start()
      }
    } onCancel: {
      stop.store(true, ordering: .relaxed)
    }
  }

  /// Stops waiting (the wait throws `CancellationError`) and closes the socket.
  public func close() {
    stop.store(true, ordering: .relaxed)
    let closeNow = phase.withLock { phase in
      guard phase == .idle else { return false }
      phase = .closed
      return true
    }
    if closeNow { socket.release() }
  }

  /// The accept loop, on the listener's thread.
  private func serve(state: String) -> Result<String, any Error> {
    while !stop.load(ordering: .relaxed) {
      let client: Int32
      do {
        guard let accepted = try socket.nextConnection(waitingUpTo: 100) else { continue }
        client = accepted
      } catch {
        return .failure(error)
      }
      let callback = AuthorizationCallback.parse(head: LoopbackSocket.readHead(client), path: path, state: state)
      LoopbackSocket.writeAll(client, Array(callback.response))
      LoopbackSocket.hangUp(client)
      switch callback {
      case .code(let code):
        logger.info("twitch sign-in redirect received")
        return .success(code)
      case .denied(let reason):
        logger.info("twitch sign-in declined", metadata: ["oauth.reason": "\(reason)"])
        return .failure(OAuthError(.accessDenied, operation: "sign in", message: reason))
      case .ignore(let status, _):
        logger.debug("ignored a request to the sign-in listener", metadata: ["http.status": "\(status)"])
      }
    }
    return .failure(CancellationError())
  }
}
