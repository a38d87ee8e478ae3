import Foundation
import TwitchSimCore

extension IRCRender {
  /// CLEARCHAT for a ban (no `ban-duration`), a timeout, or, without a target, a cleared chat.
  static func clearChat(
    channel: String, roomID: String, target: SimUser?, durationSeconds: Int?, at date: Date
  ) -> IRCLine {
    var tags = TagWriter(capacity: 96)
    if target != nil, let durationSeconds { tags.add("ban-duration", durationSeconds) }
    tags.addPlain("room-id", roomID)
    if let target { tags.addPlain("target-user-id", target.id) }
    tags.add("tmi-sent-ts", milliseconds: date)
    var body = ":tmi.twitch.tv CLEARCHAT #\(channel)"
    if let target { body += " :" + target.login }
    return IRCLine(tags: tags.text, body, requires: .commands)
  }

  /// CLEARMSG for one deleted message. Twitch leaves `room-id` empty here and repeats the text
  /// (a `/me` message keeps its CTCP ACTION wrapper).
  static func clearMessage(channel: String, sender: SimUser, message: ChatMessage, at date: Date) -> IRCLine {
    var tags = TagWriter(capacity: 128)
    tags.addPlain("login", sender.login)
    tags.addPlain("room-id", "")
    tags.addPlain("target-msg-id", message.id)
    tags.add("tmi-sent-ts", milliseconds: date)
    return IRCLine(
      tags: tags.text, ":tmi.twitch.tv CLEARMSG #\(channel) :\(trailing(message))", requires: .commands)
  }
}
