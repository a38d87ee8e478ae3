/// `chat.message` data written by hand: the gateway's hot path, one event per chat line.
///
/// The bytes are exactly those of `WireCoding.encode(message)`: keys sorted at every level, every
/// member present (`null` when absent), strings escaped as Foundation's `JSONEncoder` escapes them
/// (`\b`, `\f`, `\u00XX` for other control characters, slashes and non-ASCII text as they are),
/// integers in decimal. The key order below is spelled out once, sorted by hand; the tests compare
/// both encoders byte for byte.
extension ChatMessageData {
  /// This message as compact JSON, byte for byte what `WireCoding.encode(self)` gives.
  public var jsonBytes: [UInt8] {
    var writer = JSONWriter(capacity: estimatedJSONBytes)
    writer.chatMessage(self)
    return writer.bytes
  }

  /// Enough for the usual message without growing the buffer: the keys and ids, the text, and
  /// a little per badge and emote.
  private var estimatedJSONBytes: Int {
    var estimate = 400 + text.utf8.count + badges.count * 48 + emotes.count * 40
    if let reply { estimate += 240 + (reply.parentText?.utf8.count ?? 0) }
    if let sharedChat { estimate += 100 + sharedChat.badges.count * 48 }
    return estimate
  }
}

extension JSONWriter {
  /// Writes `message` as `WireCoding.encode` would (see `ChatMessageData.jsonBytes`).
  public mutating func chatMessage(_ message: ChatMessageData) {
    raw("{\"badges\":")
    badges(message.badges)
    raw(",\"bits\":")
    if let bits = message.bits { integer(bits) } else { raw("null") }
    raw(",\"channel\":")
    twitchChannel(message.channel)
    raw(",\"color\":")
    optionalWireString(message.color)
    raw(",\"emotes\":[")
    for (index, emote) in message.emotes.enumerated() {
      if index > 0 { raw(",") }
      raw("{\"end\":")
      integer(emote.end)
      raw(",\"id\":")
      wireString(emote.id)
      raw(",\"start\":")
      integer(emote.start)
      raw("}")
    }
    raw("],\"is_action\":")
    bool(message.isAction)
    raw(",\"is_first_message\":")
    bool(message.isFirstMessage)
    raw(",\"is_returning_chatter\":")
    bool(message.isReturningChatter)
    raw(",\"message_id\":")
    wireString(message.messageID)
    raw(",\"reply\":")
    if let reply = message.reply { self.reply(reply) } else { raw("null") }
    raw(",\"shared_chat\":")
    if let shared = message.sharedChat { sharedChat(shared) } else { raw("null") }
    raw(",\"source\":")
    wireString(message.source.rawValue)
    raw(",\"text\":")
    wireString(message.text)
    raw(",\"twitch_ts\":")
    if let twitchTS = message.twitchTS { integer(twitchTS) } else { raw("null") }
    raw(",\"user\":")
    twitchUser(message.user)
    raw("}")
  }

  /// `TwitchUser` as `WireCoding.encode` writes it.
  public mutating func twitchUser(_ user: TwitchUser) {
    raw("{\"display_name\":")
    optionalWireString(user.displayName)
    raw(",\"id\":")
    optionalWireString(user.id)
    raw(",\"login\":")
    wireString(user.login)
    raw("}")
  }

  /// `TwitchChannel` as `WireCoding.encode` writes it.
  public mutating func twitchChannel(_ channel: TwitchChannel) {
    raw("{\"id\":")
    wireString(channel.id)
    raw(",\"login\":")
    wireString(channel.login)
    raw("}")
  }

  private mutating func bool(_ flag: Bool) {
    if flag { raw("true") } else { raw("false") }
  }

  private mutating func badges(_ badges: [ChatBadge]) {
    raw("[")
    for (index, badge) in badges.enumerated() {
      if index > 0 { raw(",") }
      raw("{\"info\":")
      optionalWireString(badge.info)
      raw(",\"set_id\":")
      wireString(badge.setID)
      raw(",\"version\":")
      wireString(badge.version)
      raw("}")
    }
    raw("]")
  }

  private mutating func reply(_ reply: ChatReply) {
    raw("{\"parent_message_id\":")
    wireString(reply.parentMessageID)
    raw(",\"parent_text\":")
    optionalWireString(reply.parentText)
    raw(",\"parent_user\":")
    twitchUser(reply.parentUser)
    raw(",\"thread_message_id\":")
    optionalWireString(reply.threadMessageID)
    raw(",\"thread_user\":")
    if let thread = reply.threadUser { twitchUser(thread) } else { raw("null") }
    raw("}")
  }

  private mutating func sharedChat(_ source: SharedChatSource) {
    raw("{\"badges\":")
    badges(source.badges)
    raw(",\"channel_id\":")
    wireString(source.channelID)
    raw(",\"message_id\":")
    wireString(source.messageID)
    raw("}")
  }
}
