import Foundation
import Synchronization

/// One connected EventSub WebSocket: its identity, its state machine and an outbox. Everything
/// that goes to the socket (welcome, notifications, keepalives, the close frame) passes
/// through the outbox, so the connection's single writer keeps Twitch's order.
///
/// `id` is the Twitch session id; a connection made to a `reconnect_url` continues the id of
/// the one it replaces, so two connections can share it for a while. `connectionID` tells them
/// apart.
final class EventSubSession: Sendable {
  enum Outgoing: Sendable, Equatable {
    case text(String)
    case close(EventSubCloseCode)
  }

  let id: String
  /// This connection, unique even when a reconnect shares the session `id`.
  let connectionID: UUID
  let connectedAt: Date
  let keepaliveSeconds: Int
  /// The route's own `ws://` URL, for `reconnect_url`.
  let publicURL: @Sendable () -> String
  let outgoing: AsyncStream<Outgoing>
  private let outbox: AsyncStream<Outgoing>.Continuation
  private let machine: Mutex<EventSubSessionMachine>

  init(
    id: String, connectionID: UUID = UUID(), connectedAt: Date, keepaliveSeconds: Int,
    machine: EventSubSessionMachine, publicURL: @escaping @Sendable () -> String
  ) {
    self.id = id
    self.connectionID = connectionID
    self.connectedAt = connectedAt
    self.keepaliveSeconds = keepaliveSeconds
    self.publicURL = publicURL
    self.machine = Mutex(machine)
    (outgoing, outbox) = AsyncStream.makeStream(of: Outgoing.self)
  }

  /// A Twitch-shaped session id: opaque, URL-safe, about as long as Twitch's.
  static func makeID() -> String {
    let bytes = (0..<26).map { _ in UInt8.random(in: 0...255) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  func send(_ text: String) { outbox.yield(.text(text)) }

  /// Ends the outbox: the writer stops and the connection closes normally.
  func finish() { outbox.finish() }

  /// Applies a state-machine step under the lock.
  func update<R: Sendable>(_ body: (inout EventSubSessionMachine) -> R) -> R {
    machine.withLock { state in body(&state) }
  }

  var isClosed: Bool { machine.withLock { $0.isClosed } }

  /// Carries out what the state machine decided.
  func perform(_ action: EventSubSessionMachine.Action?, now: Date) {
    switch action {
    case .sendKeepalive: send(EventSubMessage.keepalive(at: now))
    case .close(let code): outbox.yield(.close(code))
    case nil: break
    }
  }

  /// Closes the connection with `code` unless it is closing already.
  func close(_ code: EventSubCloseCode) {
    perform(update { $0.close(code) }, now: Date())
  }
}
