import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import TwitchSimCore
import WardenProtocol

/// The simulator's own API (JSON over HTTP under `/control`): tests and the demo create
/// accounts and channels, mint tokens, approve device codes, inject chat, notices, raids,
/// floods and faults, and read back every action that reached the simulator.
struct ControlAPI: Sendable {
  typealias Context = BasicWebSocketRequestContext
  typealias Handler = @Sendable (Request, ControlBody, Context) async throws -> JSONValue

  let world: SimWorld
  let sink: any ChatLineSink
  let logger: Logger

  func addRoutes(to router: Router<Context>, prefix: String) {
    let group = router.group(RouterPath(prefix))
    addAccountRoutes(to: group)
    addChatRoutes(to: group)
    addFaultRoutes(to: group)
  }

  /// Registers a handler whose `SimError`s become Twitch-style error bodies.
  func on(_ group: RouterGroup<Context>, _ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
    group.on(RouterPath(path), method: method) { request, context in
      do {
        let body = try await ControlBody.read(request)
        return ControlReply.json(try await handler(request, body, context))
      } catch let error as SimError {
        return ControlReply.error(error)
      }
    }
  }

  /// A user by login (`login` or `user` field values are logins).
  func user(_ login: String) throws(SimError) -> SimUser {
    guard let user = world.user(login: login) else { throw .notFound("no user '\(login)'") }
    return user
  }

  /// A channel's broadcaster by login; the channel must be open.
  func channel(_ login: String) throws(SimError) -> SimUser {
    let broadcaster = try user(login)
    guard world.channel(broadcaster.id) != nil else {
      throw .notFound("'\(login)' has no channel; POST /control/channels")
    }
    return broadcaster
  }
}
