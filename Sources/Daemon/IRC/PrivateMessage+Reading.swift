/// The fields built from several spans, over the line's bytes (the properties open them once).
extension PrivateMessage {
  /// The emotes in the tag at `span`, checked against the Unicode scalars of the text at `text`.
  static func emotes(_ bytes: LineBytes, _ span: TagSpan, text: Range<Int>) -> [Emote] {
    guard let range = span.range, !range.isEmpty else { return [] }
    return Emote.list(bytes, range, scalarCount: bytes.scalarCount(text))
  }

  /// The `reply-parent-*` tags, when the message is a reply.
  func replyParent(_ bytes: LineBytes) -> ReplyParent? {
    guard spans.replyID.isPresent else { return nil }
    return ReplyParent(
      messageID: bytes.value(spans.replyID), userID: bytes.value(spans.replyUserID),
      login: bytes.value(spans.replyLogin), displayName: bytes.value(spans.replyName),
      body: bytes.value(spans.replyBody))
  }

  /// The `reply-thread-parent-*` tags, when the message is in a thread.
  func threadParent(_ bytes: LineBytes) -> ThreadParent? {
    guard spans.threadID.isPresent else { return nil }
    return ThreadParent(messageID: bytes.value(spans.threadID), login: bytes.value(spans.threadLogin))
  }

  /// The `source-*` tags, when the message comes from a shared chat session.
  func sharedChat(_ bytes: LineBytes) -> SharedChatSource? {
    guard spans.sourceRoomID.isPresent || spans.sourceID.isPresent else { return nil }
    return SharedChatSource(
      roomID: bytes.value(spans.sourceRoomID), messageID: bytes.value(spans.sourceID),
      badges: Badge.list(bytes, spans.sourceBadges), badgeInfo: Badge.list(bytes, spans.sourceBadgeInfo),
      isSourceOnly: spans.sourceOnly.range.map { bytes.flag($0) })
  }
}
