import TwitchSimCore

/// The message a reply answers and the message that started its thread, with their authors.
struct ReplyThread: Sendable, Hashable {
  var parent: ChatMessage
  var parentSender: SimUser
  var root: ChatMessage
  var rootSender: SimUser
}

extension IRCRender {
  /// A chat message as PRIVMSG with Twitch's full tag set, in Twitch's order.
  static func privmsg(_ event: ChatMessageEvent, thread: ReplyThread?, clientNonce: String? = nil) -> IRCLine {
    let message = event.message
    let sender = event.sender
    var tags = TagWriter(capacity: 384)
    tags.addPlain("badge-info", BadgeText.info(event.badges))
    tags.addPlain("badges", BadgeText.list(event.badges))
    if message.bits > 0 { tags.add("bits", message.bits) }
    if let clientNonce { tags.add("client-nonce", clientNonce) }
    tags.addPlain("color", sender.color ?? "")
    tags.add("display-name", sender.displayName)
    tags.addPlain("emotes", emotesTag(message.emotes))
    tags.add("first-msg", message.firstMessage)
    tags.addPlain("flags", "")
    tags.addPlain("id", message.id)
    tags.add("mod", event.role == .moderator)
    if let thread {
      tags.add("reply-parent-display-name", thread.parentSender.displayName)
      tags.add("reply-parent-msg-body", thread.parent.text)
      tags.addPlain("reply-parent-msg-id", thread.parent.id)
      tags.addPlain("reply-parent-user-id", thread.parentSender.id)
      tags.addPlain("reply-parent-user-login", thread.parentSender.login)
      tags.add("reply-thread-parent-display-name", thread.rootSender.displayName)
      tags.addPlain("reply-thread-parent-msg-id", thread.root.id)
      tags.addPlain("reply-thread-parent-user-id", thread.rootSender.id)
      tags.addPlain("reply-thread-parent-user-login", thread.rootSender.login)
    }
    tags.add("returning-chatter", message.returningChatter)
    tags.addPlain("room-id", event.broadcaster.id)
    tags.add("subscriber", BadgeText.isSubscriber(event.badges))
    tags.add("tmi-sent-ts", milliseconds: message.sentAt)
    tags.addPlain("turbo", "0")
    tags.addPlain("user-id", sender.id)
    tags.addPlain("user-type", sender.type.isEmpty && event.role == .moderator ? "mod" : sender.type)
    if event.role == .vip || BadgeText.has("vip", event.badges) { tags.addPlain("vip", "1") }
    let body = "\(userPrefix(sender.login)) PRIVMSG #\(event.broadcaster.login) :\(trailing(message))"
    return IRCLine(tags: tags.text, body)
  }

  /// USERNOTICE (sub, resub, raid, announcement…), with Twitch's tags and the user's text.
  static func userNotice(_ event: UserNoticeEvent) -> IRCLine {
    let user = event.user
    var tags = TagWriter(capacity: 512)
    tags.addPlain("badge-info", BadgeText.info(event.badges))
    tags.addPlain("badges", BadgeText.list(event.badges))
    tags.addPlain("color", user.color ?? "")
    tags.add("display-name", user.displayName)
    tags.addPlain("emotes", emotesTag(event.text.map { EmoteCatalog.ranges(in: $0) } ?? []))
    tags.addPlain("flags", "")
    tags.addPlain("id", event.id)
    tags.addPlain("login", user.login)
    tags.add("mod", BadgeText.has("moderator", event.badges))
    tags.add("msg-id", event.kind)
    let params = event.params.map { key, value in "msg-param-\(IRCTagValue.escape(key))=\(IRCTagValue.escape(value))" }
    for pair in params.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
      tags.addPair(pair)
    }
    tags.addPlain("room-id", event.broadcaster.id)
    tags.add("subscriber", BadgeText.isSubscriber(event.badges))
    tags.add("system-msg", event.systemMessage)
    tags.add("tmi-sent-ts", milliseconds: event.sentAt)
    tags.addPlain("user-id", user.id)
    tags.addPlain("user-type", BadgeText.userType(user, event.badges))
    if BadgeText.has("vip", event.badges) { tags.addPlain("vip", "1") }
    var body = ":tmi.twitch.tv USERNOTICE #\(event.broadcaster.login)"
    if let text = event.text, !text.isEmpty { body += " :" + sanitized(text) }
    return IRCLine(tags: tags.text, body, requires: .commands)
  }

  /// `emotes`: `id:start-end,start-end/id:start-end`, ids in order of first appearance.
  static func emotesTag(_ emotes: [EmoteRange]) -> String {
    guard !emotes.isEmpty else { return "" }
    var order: [String] = []
    var ranges: [String: [String]] = [:]
    for emote in emotes {
      if ranges[emote.id] == nil { order.append(emote.id) }
      ranges[emote.id, default: []].append("\(emote.start)-\(emote.end)")
    }
    return order.map { "\($0):" + ranges[$0]!.joined(separator: ",") }.joined(separator: "/")
  }

  /// The trailing parameter of a message: its text, wrapped in CTCP ACTION for `/me`.
  static func trailing(_ message: ChatMessage) -> String {
    let text = sanitized(message.text)
    return message.isAction ? "\u{1}ACTION \(text)\u{1}" : text
  }
}
