import Foundation
import Hummingbird
import HummingbirdWebSocket
import TwitchSimCore
import WardenProtocol

extension ControlAPI {
  func addChatRoutes(to group: RouterGroup<Context>) {
    // POST /control/chat {channel, user, text, reply_to?, action?, bits?}
    on(group, .post, "chat") { _, body, _ in
      let broadcaster = try channel(try body.string("channel"))
      let sender = try user(try body.string("user"))
      do {
        let result = try world.sendChat(
          channelID: broadcaster.id, userID: sender.id, text: try body.string("text"),
          isAction: try body.bool("action", default: false), bits: try body.int("bits", default: 0),
          replyParentID: try body.optionalString("reply_to"))
        switch result {
        case .sent(let message): return ["status": "sent", "message_id": .string(message.id)]
        case .held(let held): return ["status": "held", "message_id": .string(held.id), "reason": .string(held.reason)]
        }
      } catch let error as SimError {
        // A refusal is a normal outcome of chatting, not an error of the control call.
        return [
          "status": "refused", "notice": error.noticeID.map(JSONValue.string) ?? .null,
          "message": .string(error.message),
        ]
      }
    }
    // POST /control/usernotice {channel, user, kind, params?, system_message, text?}
    on(group, .post, "usernotice") { _, body, _ in
      try world.userNotice(
        kind: try body.string("kind"), userID: try user(try body.string("user")).id,
        channelID: try channel(try body.string("channel")).id, params: try body.stringMap("params"),
        systemMessage: try body.string("system_message"), text: try body.optionalString("text"))
      return ["ok": true]
    }
    // POST /control/raids {from, to, viewers}
    on(group, .post, "raids") { _, body, _ in
      try world.raid(
        fromID: try user(try body.string("from")).id, toID: try channel(try body.string("to")).id,
        viewers: try body.int("viewers", default: 10))
      return ["ok": true]
    }
    // POST /control/follows {user, channel}
    on(group, .post, "follows") { _, body, _ in
      try world.follow(
        userID: try user(try body.string("user")).id, channelID: try channel(try body.string("channel")).id)
      return ["ok": true]
    }
    // POST /control/irc/raw {channel?, lines: [...]}: lines go out byte for byte.
    on(group, .post, "irc/raw") { _, body, _ in
      let lines = try body.strings("lines")
      guard !lines.isEmpty else { throw SimError.badRequest("'lines' must hold at least one line") }
      let delivered = sink.broadcast(rawLines: lines, toChannel: try body.optionalString("channel"))
      return ["delivered": .int(Int64(delivered))]
    }
    // POST /control/flood {channel, lines_per_second, duration_seconds, lines? | file?}
    on(group, .post, "flood") { _, body, _ in
      try await flood(body)
    }
  }
}
