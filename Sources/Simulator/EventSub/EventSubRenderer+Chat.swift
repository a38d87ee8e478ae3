import Foundation
import TwitchSimCore

/// `channel.chat.message`, `channel.chat.message_delete`, `channel.chat.clear`.
extension EventSubRenderer {
  func chatMessage(_ chat: ChatMessageEvent) -> RenderedEvent {
    let message = chat.message
    let fragments = ChatFragments(
      text: message.text, emotes: message.emotes, cheering: message.bits > 0,
      mentions: { [world] login in world.user(login: login) })
    let badges = EventSubJSON.array(
      chat.badges.map {
        .object(["set_id": .string($0.setID), "id": .string($0.version), "info": .string($0.info ?? "")])
      })
    return Self.event(
      "channel.chat.message", broadcaster: chat.broadcaster,
      Self.user("broadcaster_user", chat.broadcaster) + Self.user("chatter_user", chat.sender)
        + members([
          "message_id": .string(message.id),
          "message": .object(["text": .string(message.text), "fragments": fragments.json(.chat)]),
          "color": .string(chat.sender.color ?? ""),
          "badges": badges,
          "message_type": "text",
          "cheer": message.bits > 0 ? .object(["bits": .int(message.bits)]) : .null,
          "reply": reply(chat),
          "channel_points_custom_reward_id": .null,
          "channel_points_animation_id": .null,
          "source_broadcaster_user_id": .null,
          "source_broadcaster_user_login": .null,
          "source_broadcaster_user_name": .null,
          "source_message_id": .null,
          "source_badges": .null,
        ]))
  }

  /// The parent and the thread's first message (the parent's own parents, followed up).
  private func reply(_ chat: ChatMessageEvent) -> EventSubJSON {
    guard let (parent, parentSender) = chat.replyParent else { return .null }
    var root = parent
    var seen: Set<String> = [root.id]
    while let id = root.replyParentID, let older = world.message(id, in: root.channelID), seen.insert(id).inserted {
      root = older
    }
    let rootSender = root.userID == parentSender.id ? parentSender : world.user(id: root.userID) ?? parentSender
    return .members(
      [
        .init(key: "parent_message_id", value: .string(parent.id)),
        .init(key: "parent_message_body", value: .string(parent.text)),
      ] + Self.userNameFirst("parent_user", parentSender)
        + [.init(key: "thread_message_id", value: .string(root.id))] + Self.userNameFirst("thread_user", rootSender))
  }

  func messageDeleted(_ broadcaster: SimUser, _ message: ChatMessage, _ sender: SimUser, _ moderator: SimUser)
    -> [RenderedEvent]
  {
    [
      Self.event(
        "channel.chat.message_delete", broadcaster: broadcaster,
        Self.userNameFirst("broadcaster_user", broadcaster) + Self.userNameFirst("target_user", sender)
          + members(["message_id": .string(message.id)])),
      moderate(
        broadcaster, moderator, action: "delete",
        detail: userObject(sender, ["message_id": .string(message.id), "message_body": .string(message.text)])),
    ]
  }

  func chatCleared(_ broadcaster: SimUser, _ moderator: SimUser) -> [RenderedEvent] {
    [
      Self.event("channel.chat.clear", broadcaster: broadcaster, Self.userNameFirst("broadcaster_user", broadcaster)),
      moderate(broadcaster, moderator, action: "clear", detail: nil),
    ]
  }
}
