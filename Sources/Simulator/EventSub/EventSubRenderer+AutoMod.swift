import Foundation
import TwitchSimCore

/// `automod.message.hold` v2, `automod.message.update` v2, `channel.suspicious_user.message`.
extension EventSubRenderer {
  func automodHeld(_ held: HeldMessage, _ sender: SimUser, _ broadcaster: SimUser) -> RenderedEvent {
    Self.event(
      "automod.message.hold", "2", broadcaster: broadcaster,
      Self.user("broadcaster_user", broadcaster) + Self.user("user", sender) + members(["message_id": .string(held.id)])
        + reasonMembers(held, broadcaster) + members(["held_at": .timestamp(held.heldAt)]))
  }

  /// The moderator's decision (or expiry: no moderator, empty moderator fields).
  func automodResolved(_ held: HeldMessage, _ sender: SimUser, _ broadcaster: SimUser, _ moderator: SimUser?)
    -> RenderedEvent
  {
    let moderatorMembers =
      moderator.map { Self.user("moderator_user", $0) }
      ?? members(["moderator_user_id": "", "moderator_user_login": "", "moderator_user_name": ""])
    let people = Self.user("broadcaster_user", broadcaster) + Self.user("user", sender) + moderatorMembers
    return Self.event(
      "automod.message.update", "2", broadcaster: broadcaster,
      people + members(["message_id": .string(held.id)]) + reasonMembers(held, broadcaster)
        + members(["status": .string(held.status ?? "expired"), "held_at": .timestamp(held.heldAt)]))
  }

  func suspiciousMessage(_ chat: ChatMessageEvent, _ status: String) -> RenderedEvent {
    let fragments = ChatFragments(text: chat.message.text, emotes: chat.message.emotes, cheering: chat.message.bits > 0)
    return Self.event(
      "channel.suspicious_user.message", broadcaster: chat.broadcaster,
      Self.userNameFirst("broadcaster_user", chat.broadcaster) + Self.userNameFirst("user", chat.sender)
        + members([
          "low_trust_status": .string(status),
          "shared_ban_channel_ids": .array([]),
          "types": .array(["manually_added"]),
          "ban_evasion_evaluation": "unknown",
          "message": .object([
            "message_id": .string(chat.message.id), "text": .string(chat.message.text),
            "fragments": fragments.json(.automod),
          ]),
        ]))
  }

  /// `message`, `reason`, `automod` and `blocked_term`, with the flagged words' boundaries
  /// (Unicode scalars, inclusive) found again in the text.
  private func reasonMembers(_ held: HeldMessage, _ broadcaster: SimUser) -> [EventSubJSON.Member] {
    let channel = world.channel(held.channelID)
    var boundaries: [ClosedRange<Int>] = []
    var automod = EventSubJSON.null
    var blocked = EventSubJSON.null
    if held.reason == "blocked_term" {
      let terms = held.blockedTermIDs.compactMap { id in channel?.blockedTerms.first { $0.id == id } }
      let found: [EventSubJSON] = terms.flatMap { term in
        ChatFragments.occurrences(of: term.text, in: held.text).prefix(1).map { range in
          boundaries.append(range)
          return .members(
            members(["term_id": .string(term.id)]) + Self.user("owner_broadcaster_user", broadcaster)
              + members([
                "boundary": .object(["start_pos": .int(range.lowerBound), "end_pos": .int(range.upperBound)])
              ]))
        }
      }
      blocked = .object(["terms_found": .array(found)])
    } else {
      boundaries = (channel?.automodTerms.sorted() ?? []).flatMap { ChatFragments.occurrences(of: $0, in: held.text) }
        .sorted { $0.lowerBound < $1.lowerBound }
      automod = .object([
        "category": .string(held.category), "level": .int(held.level),
        "boundaries": .array(
          boundaries.map { .object(["start_pos": .int($0.lowerBound), "end_pos": .int($0.upperBound)]) }),
      ])
    }
    let fragments = ChatFragments(
      text: held.text, emotes: EmoteCatalog.ranges(in: held.text), cheering: false, boundaries: boundaries)
    return members([
      "message": .object(["text": .string(held.text), "fragments": fragments.json(.automod)]),
      "reason": .string(held.reason),
      "automod": automod,
      "blocked_term": blocked,
    ])
  }
}
