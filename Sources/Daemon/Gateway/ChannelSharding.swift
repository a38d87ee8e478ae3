/// Spreads channels over IRC connections, at most `maxChannelsPerConnection` each. Assignment
/// is stable: a channel never moves while it stays; a new channel goes to the lowest-numbered
/// connection with room, and a connection is added only when all are full.
public struct ChannelSharding: Sendable {
  public enum Change: Sendable, Hashable {
    /// Open connection number `shard`.
    case openConnection(shard: Int)
    case join(channel: String, shard: Int)
    case part(channel: String, shard: Int)
    /// Connection number `shard` carries no channel any more.
    case closeConnection(shard: Int)
  }

  public let maxChannelsPerConnection: Int
  /// Channels per connection; `nil` marks a closed connection whose number may be reused.
  public private(set) var shards: [Set<String>?] = []
  private var assignment: [String: Int] = [:]

  public init(maxChannelsPerConnection: Int = 100) {
    self.maxChannelsPerConnection = max(maxChannelsPerConnection, 1)
  }

  /// The connection carrying `channel`, if any.
  public func shard(of channel: String) -> Int? { assignment[channel] }

  /// How many connections are open.
  public var openConnections: Int { shards.count { $0 != nil } }

  public mutating func add(_ channels: [String]) -> [Change] {
    var changes: [Change] = []
    for channel in channels where assignment[channel] == nil {
      let index: Int
      if let open = shards.firstIndex(where: { $0.map { $0.count < maxChannelsPerConnection } ?? false }) {
        index = open
      } else if let closed = shards.firstIndex(where: { $0 == nil }) {
        index = closed
        shards[index] = []
        changes.append(.openConnection(shard: index))
      } else {
        index = shards.count
        shards.append([])
        changes.append(.openConnection(shard: index))
      }
      shards[index]?.insert(channel)
      assignment[channel] = index
      changes.append(.join(channel: channel, shard: index))
    }
    return changes
  }

  public mutating func remove(_ channels: [String]) -> [Change] {
    var changes: [Change] = []
    for channel in channels {
      guard let index = assignment.removeValue(forKey: channel) else { continue }
      shards[index]?.remove(channel)
      changes.append(.part(channel: channel, shard: index))
      if shards[index]?.isEmpty == true {
        shards[index] = nil
        changes.append(.closeConnection(shard: index))
      }
    }
    return changes
  }
}
