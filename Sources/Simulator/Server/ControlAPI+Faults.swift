import Foundation
import Hummingbird
import HummingbirdWebSocket
import TwitchSimCore
import WardenProtocol

extension ControlAPI {
  func addFaultRoutes(to group: RouterGroup<Context>) {
    // POST /control/faults {kind, …}: irc_reconnect, irc_drop, eventsub_reconnect,
    // eventsub_drop {close_code}, eventsub_duplicate {count}, helix {status, count, latency_ms},
    // revoke_token {access_token}.
    on(group, .post, "faults") { _, body, _ in
      let kind = try body.string("kind")
      switch kind {
      case "irc_reconnect": world.inject(.ircReconnect)
      case "irc_drop": world.inject(.ircDrop)
      case "eventsub_reconnect": world.inject(.eventSubReconnect)
      case "eventsub_drop": world.inject(.eventSubDrop(closeCode: try body.int("close_code", default: 4000)))
      case "eventsub_duplicate": world.inject(.eventSubDuplicate(count: try body.int("count", default: 1)))
      case "helix":
        var faults = HelixFaults()
        faults.failStatus = try body.optionalInt("status")
        faults.failCount = try body.int("count", default: faults.failStatus == nil ? 0 : 1)
        faults.latencyMS = try body.int("latency_ms", default: 0)
        world.helixFaults = faults
      case "revoke_token":
        guard world.revoke(accessToken: try body.string("access_token")) else {
          throw SimError.notFound("no such active token")
        }
      default:
        throw SimError.badRequest(
          "unknown fault '\(kind)': use irc_reconnect, irc_drop, eventsub_reconnect, eventsub_drop, "
            + "eventsub_duplicate, helix or revoke_token")
      }
      return ["ok": true]
    }
    // GET /control/actions?after=N&kind=K: what reached the simulator, oldest first.
    on(group, .get, "actions") { request, _, _ in
      let query = request.uri.queryParameters
      let after = query.get("after").flatMap { Int($0) } ?? 0
      let kind: String? = query.get("kind").map { String($0) }
      let actions = world.actions(after: after, kind: kind)
      return .object(["actions": .array(actions.map { ControlReply.action($0) })])
    }
  }
}
