import Synchronization

/// Messages a connection sent that are on their way through the world. Twitch does not send a
/// connection its own PRIVMSG back (it answers with USERSTATE), and others see the client's
/// `client-nonce`. Entries are made before the world publishes the message, so the renderer
/// always finds them.
final class EchoBook: Sendable {
  struct Key: Hashable, Sendable {
    var channelID: String
    var userID: String
    var text: String
    var isAction: Bool
  }

  struct Entry: Sendable {
    var connectionID: Int
    var clientNonce: String?
  }

  /// Past this many unclaimed entries (no renderer running) the book starts over.
  private static let capacity = 10_000
  private let entries = Mutex<[Key: [Entry]]>([:])

  func expect(_ key: Key, _ entry: Entry) {
    entries.withLock { entries in
      if entries.count >= Self.capacity { entries.removeAll() }
      entries[key, default: []].append(entry)
    }
  }

  /// The message was not delivered after all.
  func cancel(_ key: Key, connectionID: Int) {
    entries.withLock { entries in
      guard let index = entries[key]?.firstIndex(where: { $0.connectionID == connectionID }) else { return }
      entries[key]!.remove(at: index)
      if entries[key]!.isEmpty { entries[key] = nil }
    }
  }

  /// Claims the oldest entry for a delivered message.
  func take(_ key: Key) -> Entry? {
    entries.withLock { entries in
      guard var list = entries[key], !list.isEmpty else { return nil }
      let entry = list.removeFirst()
      entries[key] = list.isEmpty ? nil : list
      return entry
    }
  }
}
