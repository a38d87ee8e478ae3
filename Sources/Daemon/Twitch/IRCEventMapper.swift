import WardenIRC
import WardenProtocol

/// Turns typed IRC messages into gateway events. It keeps each channel's room state, so that a
/// partial `ROOMSTATE` becomes a `mod.mode` event while the full one sent on JOIN does not.
public struct IRCEventMapper: Sendable {
  private var rooms: [String: RoomState] = [:]

  public init() {}

  /// The events one message stands for: none for most lines that are not chat or moderation.
  public mutating func events(for message: IRCMessage) -> [GatewayEvent] {
    switch message {
    case .privmsg(let privmsg): [.chatMessage(Self.chatMessage(privmsg))]
    case .clearChat(let clear): Self.clearChat(clear, roomID: roomID(clear.roomID, clear.channel)).map { [$0] } ?? []
    case .clearMessage(let clear):
      Self.clearMessage(clear, roomID: roomID(clear.roomID, clear.channel)).map { [$0] } ?? []
    case .userNotice(let notice): Self.userNotice(notice).map { [$0] } ?? []
    case .roomState(let state): roomState(state)
    default: []
    }
  }

  /// The tag's room id, or the one the channel's `ROOMSTATE` gave (Twitch leaves `room-id`
  /// empty on some `CLEARMSG` lines).
  private func roomID(_ tag: String?, _ channel: String) -> String? {
    if let tag, !tag.isEmpty { return tag }
    return rooms[channel]?.roomID
  }

  static func chatMessage(_ message: PrivateMessage) -> ChatMessageData {
    let channel = TwitchChannel(id: message.roomID, login: message.channel)
    let user = TwitchUser(id: message.userID, login: message.login, displayName: nonEmpty(message.displayName))
    let info = message.badgeInfo
    let badges = message.badges.map { badge in
      ChatBadge(setID: badge.name, version: badge.version, info: info.first { $0.name == badge.name }?.version)
    }
    let emotes = message.emotes.flatMap { emote in
      emote.ranges.map { ChatEmote(id: emote.id, start: $0.lowerBound, end: $0.upperBound + 1) }
    }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    let reply = message.replyParent.map { parent in
      let thread = message.threadParent
      return ChatReply(
        parentMessageID: parent.messageID,
        parentUser: TwitchUser(
          id: nonEmpty(parent.userID), login: parent.login, displayName: nonEmpty(parent.displayName)),
        parentText: parent.body, threadMessageID: thread?.messageID,
        threadUser: thread.map { TwitchUser(login: $0.login) })
    }
    let shared = message.sharedChat.map { source in
      let sourceInfo = source.badgeInfo
      return WardenProtocol.SharedChatSource(
        channelID: source.roomID, messageID: source.messageID,
        badges: source.badges.map { badge in
          ChatBadge(
            setID: badge.name, version: badge.version, info: sourceInfo.first { $0.name == badge.name }?.version)
        })
    }
    return ChatMessageData(
      channel: channel, messageID: message.messageID, user: user, text: message.text, isAction: message.isAction,
      badges: badges, emotes: emotes, bits: message.bits, color: message.color, reply: reply,
      isFirstMessage: message.isFirstMessage, isReturningChatter: message.isReturningChatter, sharedChat: shared,
      source: .irc, twitchTS: message.tmiSentTs.map(Int64.init))
  }

  static func clearChat(_ clear: ClearChat, roomID: String?) -> GatewayEvent? {
    guard let roomID else { return nil }
    let channel = TwitchChannel(id: roomID, login: clear.channel)
    let ts = clear.tmiSentTs.map(Int64.init)
    switch clear.action {
    case .clear:
      return .chatClear(ChatClearData(channel: channel, source: .irc, twitchTS: ts))
    case .ban(let login):
      return .ban(
        ModBanData(channel: channel, user: TwitchUser(id: clear.targetUserID, login: login), source: .irc, twitchTS: ts)
      )
    case .timeout(let login, let seconds):
      return .timeout(
        ModTimeoutData(
          channel: channel, user: TwitchUser(id: clear.targetUserID, login: login), durationS: seconds,
          endsAt: ts.map { $0 + Int64(seconds) * 1000 }, source: .irc, twitchTS: ts))
    }
  }

  static func clearMessage(_ clear: ClearMessage, roomID: String?) -> GatewayEvent? {
    guard let roomID else { return nil }
    return .chatDelete(
      ChatDeleteData(
        channel: TwitchChannel(id: roomID, login: clear.channel), messageID: clear.targetMessageID,
        user: TwitchUser(login: clear.login), text: clear.text, source: .irc, twitchTS: clear.tmiSentTs.map(Int64.init)
      ))
  }

  static func userNotice(_ notice: UserNotice) -> GatewayEvent? {
    let channel = TwitchChannel(id: notice.roomID, login: notice.channel)
    let user = TwitchUser(id: nonEmpty(notice.userID), login: notice.login, displayName: nonEmpty(notice.displayName))
    let ts = notice.tmiSentTs.map(Int64.init)
    let messageID = nonEmpty(notice.messageID)
    switch notice.kind {
    case .sub(let terms), .resub(let terms):
      let isSub: Bool = if case .sub = notice.kind { true } else { false }
      return .sub(
        ChannelSubData(
          channel: channel, kind: isSub ? .sub : .resub, messageID: messageID, user: user, tier: terms.plan,
          months: terms.cumulativeMonths, streakMonths: terms.streakMonths, text: notice.text, source: .irc,
          twitchTS: ts))
    case .subGift(let gift):
      return .sub(
        ChannelSubData(
          channel: channel, kind: .gift, messageID: messageID, user: user, isAnonymous: isAnonymous(notice),
          tier: gift.plan, months: gift.months,
          recipient: TwitchUser(
            id: nonEmpty(gift.recipientID), login: gift.recipientLogin,
            displayName: nonEmpty(gift.recipientDisplayName)),
          giftCount: 1, source: .irc, twitchTS: ts))
    case .subMysteryGift(let gift):
      return .sub(
        ChannelSubData(
          channel: channel, kind: .communityGift, messageID: messageID, user: user, isAnonymous: isAnonymous(notice),
          tier: gift.plan, giftCount: gift.count, source: .irc, twitchTS: ts))
    case .raid(let raid):
      return .raid(
        ChannelRaidData(
          channel: channel,
          from: TwitchUser(id: nonEmpty(notice.userID), login: raid.login, displayName: nonEmpty(raid.displayName)),
          viewers: raid.viewerCount, source: .irc, twitchTS: ts))
    case .announcement, .other:
      return nil
    }
  }

  private static func isAnonymous(_ notice: UserNotice) -> Bool {
    notice.msgID.hasPrefix("anon") || notice.login == "ananonymousgifter"
  }

  /// A full `ROOMSTATE` (every mode present, as sent on JOIN) records the state; a partial one
  /// announces what changed.
  mutating func roomState(_ state: RoomState) -> [GatewayEvent] {
    var known = rooms[state.channel] ?? RoomState(channel: state.channel)
    let isFull =
      state.emoteOnly != nil && state.followersOnly != nil && state.r9k != nil && state.slow != nil
      && state.subsOnly != nil
    defer { rooms[state.channel] = known }
    if let roomID = state.roomID { known.roomID = roomID }
    guard let roomID = known.roomID else { return [] }
    let channel = TwitchChannel(id: roomID, login: state.channel)
    var events: [GatewayEvent] = []
    func change(_ mode: ChatMode, enabled: Bool, durationS: Int?) {
      guard !isFull else { return }
      events.append(
        .mode(ModModeData(channel: channel, mode: mode, enabled: enabled, durationS: durationS, source: .irc)))
    }
    if let value = state.emoteOnly, value != known.emoteOnly {
      change(.emoteOnly, enabled: value, durationS: nil)
      known.emoteOnly = value
    }
    if let value = state.subsOnly, value != known.subsOnly {
      change(.subs, enabled: value, durationS: nil)
      known.subsOnly = value
    }
    if let value = state.r9k, value != known.r9k {
      change(.uniqueChat, enabled: value, durationS: nil)
      known.r9k = value
    }
    if let value = state.slow, value != known.slow {
      change(.slow, enabled: value > 0, durationS: value > 0 ? value : nil)
      known.slow = value
    }
    if let value = state.followersOnly, value != known.followersOnly {
      // -1 means off; otherwise the minimum follow age in minutes.
      change(.followers, enabled: value >= 0, durationS: value >= 0 ? value * 60 : nil)
      known.followersOnly = value
    }
    return events
  }
}

func nonEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }
