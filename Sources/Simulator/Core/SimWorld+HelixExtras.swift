import Foundation

/// What Helix shows that the rest of the world API does not expose.
extension SimWorld {
  /// When an open EventSub WebSocket session connected (Helix's `transport.connected_at`);
  /// `nil` once it closed.
  public func eventSubSessionConnectedAt(_ sessionID: String) -> Date? {
    state.withLock { $0.eventSubSessions[sessionID] }
  }
}
