/// `GET users` and `GET streams`.
extension HelixClient {
  /// Accounts by id and by login, any number (sent 100 per request); unknown ones are left
  /// out. With neither, the token's own account.
  public func users(logins: [String] = [], ids: [String] = []) async throws -> [HelixUser] {
    let parameters = ids.map { (name: "id", value: $0) } + logins.map { (name: "login", value: $0) }
    if parameters.isEmpty {
      let data = try await perform(Call(endpoint: .users))
      return try HelixJSON.decode(HelixUser.self, from: data, endpoint: .users).data
    }
    var users: [HelixUser] = []
    for start in stride(from: 0, to: parameters.count, by: 100) {
      let batch = Array(parameters[start..<min(start + 100, parameters.count)])
      let data = try await perform(Call(endpoint: .users, query: batch))
      users += try HelixJSON.decode(HelixUser.self, from: data, endpoint: .users).data
    }
    return users
  }

  /// The live streams of these users (sent 100 per request); offline users are left out.
  /// No ids, no streams.
  public func streams(userIDs: [String]) async throws -> [HelixStream] {
    var streams: [HelixStream] = []
    for start in stride(from: 0, to: userIDs.count, by: 100) {
      let batch = userIDs[start..<min(start + 100, userIDs.count)].map { (name: "user_id", value: $0) }
      let data = try await perform(Call(endpoint: .streams, query: batch + [("first", "100")]))
      streams += try HelixJSON.decode(HelixStream.self, from: data, endpoint: .streams).data
    }
    return streams
  }
}
