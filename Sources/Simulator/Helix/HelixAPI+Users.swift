import Foundation
import TwitchSimCore

/// `GET users` and `GET streams`.
extension HelixAPI {
  var userRoutes: [HelixRoute] {
    [
      HelixRoute(.get, "users", Self.getUsers),
      HelixRoute(.get, "streams", Self.getStreams),
    ]
  }

  /// Users by `id` and `login` (up to 100 in all; unknown ones are left out), or the token's
  /// user when neither is given.
  static func getUsers(_ call: HelixCall) throws(SimError) -> HelixReply {
    let lists = try call.list("id", "login")
    let (ids, logins) = (lists[0], lists[1])
    if ids.isEmpty && logins.isEmpty {
      guard let userID = call.token.userID, let user = call.world.user(id: userID) else {
        throw .badRequest("Must provide an ID, Login or OAuth Token.")
      }
      return .data([HelixJSON.user(user)])
    }
    var seen = Set<String>()
    let users = (ids.compactMap { call.world.user(id: $0) } + logins.compactMap { call.world.user(login: $0) })
      .filter { seen.insert($0.id).inserted }
    return .data(users.map(HelixJSON.user))
  }

  /// Live streams, optionally of some users (`user_id`, `user_login`), most viewers first.
  static func getStreams(_ call: HelixCall) throws(SimError) -> HelixReply {
    let lists = try call.list("user_id", "user_login")
    let first = try call.first(default: 20, max: 100)
    let wanted = Set(lists[0] + lists[1].compactMap { call.world.user(login: $0)?.id })
    let filtered = !lists[0].isEmpty || !lists[1].isEmpty
    let live = call.world.channelIDs.filter { !filtered || wanted.contains($0) }.compactMap {
      id -> (SimStream, SimUser)? in
      guard let stream = call.world.channel(id)?.stream, let user = call.world.user(id: id) else { return nil }
      return (stream, user)
    }.sorted { ($0.0.viewerCount, $1.0.id) > ($1.0.viewerCount, $0.0.id) }
    let page = try HelixCursor.page(live, first: first, after: call.query["after"])
    return .page(page.items.map { HelixJSON.stream($0.0, of: $0.1) }, next: page.next)
  }
}
