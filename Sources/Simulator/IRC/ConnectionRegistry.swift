import Synchronization

/// Every open connection, and who receives what: logged-in connections by channel with the
/// capabilities they asked for. Broadcasts read a channel's member list under the lock and
/// write outside it.
final class ConnectionRegistry: Sendable {
  /// A logged-in connection as deliveries see it.
  struct Member: Sendable {
    let connection: IRCConnection
    var capabilities: IRCCapabilities
    /// `nil` for anonymous connections.
    var userID: String?
    var login: String
    var accessToken: String?
  }

  private struct State {
    var connections: [Int: IRCConnection] = [:]
    var members: [Int: Member] = [:]
    var channelsByConnection: [Int: Set<String>] = [:]
    var membersByChannel: [String: [Member]] = [:]

    mutating func removeMember(_ id: Int, from channel: String) {
      membersByChannel[channel]?.removeAll { $0.connection.id == id }
      if membersByChannel[channel]?.isEmpty == true { membersByChannel[channel] = nil }
    }
  }

  private let state = Mutex(State())

  var count: Int { state.withLock { $0.connections.count } }

  var connections: [IRCConnection] { state.withLock { Array($0.connections.values) } }

  /// Logged-in connections.
  var members: [Member] { state.withLock { Array($0.members.values) } }

  func members(of channel: String) -> [Member] { state.withLock { $0.membersByChannel[channel] ?? [] } }

  func add(_ connection: IRCConnection) {
    state.withLock { $0.connections[connection.id] = connection }
  }

  /// Forgets a connection; returns it as a member (if it had logged in) and its channels, or
  /// `nil` if it was already gone.
  func remove(_ id: Int) -> (member: Member?, channels: Set<String>)? {
    state.withLock { state in
      guard state.connections.removeValue(forKey: id) != nil else { return nil }
      let member = state.members.removeValue(forKey: id)
      let channels = state.channelsByConnection.removeValue(forKey: id) ?? []
      for channel in channels { state.removeMember(id, from: channel) }
      return (member, channels)
    }
  }

  func register(_ member: Member) {
    state.withLock { state in
      guard state.connections[member.connection.id] != nil else { return }
      state.members[member.connection.id] = member
    }
  }

  func update(capabilities: IRCCapabilities, of id: Int) {
    state.withLock { state in
      guard state.members[id] != nil else { return }
      state.members[id]!.capabilities = capabilities
      for channel in state.channelsByConnection[id] ?? [] {
        guard let index = state.membersByChannel[channel]?.firstIndex(where: { $0.connection.id == id }) else {
          continue
        }
        state.membersByChannel[channel]![index].capabilities = capabilities
      }
    }
  }

  func join(_ id: Int, _ channel: String) {
    state.withLock { state in
      guard let member = state.members[id], state.channelsByConnection[id, default: []].insert(channel).inserted
      else { return }
      state.membersByChannel[channel, default: []].append(member)
    }
  }

  func part(_ id: Int, _ channel: String) {
    state.withLock { state in
      guard state.channelsByConnection[id]?.remove(channel) != nil else { return }
      state.removeMember(id, from: channel)
    }
  }
}
