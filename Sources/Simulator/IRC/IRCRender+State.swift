import TwitchSimCore

extension IRCRender {
  /// USERSTATE after a JOIN, or after one's own PRIVMSG (then with the message's `id` and the
  /// client's nonce). `user` is `nil` for anonymous connections.
  static func userState(
    channel: String, user: SimUser?, badges: [SimBadge], messageID: String? = nil, clientNonce: String? = nil
  ) -> IRCLine {
    var tags = TagWriter()
    tags.addPlain("badge-info", BadgeText.info(badges))
    tags.addPlain("badges", BadgeText.list(badges))
    if let clientNonce { tags.add("client-nonce", clientNonce) }
    tags.addPlain("color", user?.color ?? "")
    tags.add("display-name", user?.displayName ?? "")
    tags.addPlain("emote-sets", "0")
    if let messageID { tags.addPlain("id", messageID) }
    tags.add("mod", BadgeText.has("moderator", badges))
    tags.add("subscriber", BadgeText.isSubscriber(badges))
    tags.addPlain("user-type", BadgeText.userType(user, badges))
    return IRCLine(tags: tags.text, ":tmi.twitch.tv USERSTATE #\(channel)", requires: .commands)
  }

  /// GLOBALUSERSTATE, sent once after a login with a token.
  static func globalUserState(user: SimUser) -> IRCLine {
    var tags = TagWriter()
    tags.addPlain("badge-info", "")
    tags.addPlain("badges", user.type.isEmpty ? "" : "\(user.type)/1")
    tags.addPlain("color", user.color ?? "")
    tags.add("display-name", user.displayName)
    tags.addPlain("emote-sets", "0")
    tags.addPlain("user-id", user.id)
    tags.addPlain("user-type", user.type)
    return IRCLine(tags: tags.text, ":tmi.twitch.tv GLOBALUSERSTATE", requires: .commands)
  }

  /// The full ROOMSTATE a JOIN gets.
  static func roomState(channel: String, roomID: String, settings: ChatSettings) -> IRCLine {
    var tags = TagWriter(capacity: 96)
    for key in RoomStateKey.allCases {
      if key == .slow { tags.addPlain("room-id", roomID) }
      tags.addPair("\(key.rawValue)=\(key.value(in: settings))")
    }
    return IRCLine(tags: tags.text, ":tmi.twitch.tv ROOMSTATE #\(channel)", requires: .commands)
  }

  /// The partial ROOMSTATE Twitch sends when settings change: `room-id` and the changed keys
  /// only; `nil` when nothing ROOMSTATE shows changed.
  static func roomStateChange(channel: String, roomID: String, from old: ChatSettings, to new: ChatSettings)
    -> IRCLine?
  {
    let changed = RoomStateKey.allCases.filter { $0.value(in: old) != $0.value(in: new) }
    guard !changed.isEmpty else { return nil }
    var tags = TagWriter(capacity: 64)
    var wroteRoomID = false
    for key in changed {
      if !wroteRoomID && key.rawValue > "room-id" {
        tags.addPlain("room-id", roomID)
        wroteRoomID = true
      }
      tags.addPair("\(key.rawValue)=\(key.value(in: new))")
    }
    if !wroteRoomID { tags.addPlain("room-id", roomID) }
    return IRCLine(tags: tags.text, ":tmi.twitch.tv ROOMSTATE #\(channel)", requires: .commands)
  }
}

/// The chat settings ROOMSTATE shows, in Twitch's tag order (`room-id` goes between `r9k` and
/// `slow`).
enum RoomStateKey: String, CaseIterable {
  case emoteOnly = "emote-only"
  case followersOnly = "followers-only"
  case r9k
  case slow
  case subsOnly = "subs-only"

  func value(in settings: ChatSettings) -> String {
    switch self {
    case .emoteOnly: settings.emoteMode ? "1" : "0"
    case .followersOnly: settings.followerModeDuration.map(String.init) ?? "-1"
    case .r9k: settings.uniqueChatMode ? "1" : "0"
    case .slow: String(settings.slowModeWaitTime ?? 0)
    case .subsOnly: settings.subscriberMode ? "1" : "0"
    }
  }
}

/// How badges read in tags.
enum BadgeText {
  /// `badges`: `moderator/1,subscriber/12`.
  static func list(_ badges: [SimBadge]) -> String {
    badges.map { "\($0.setID)/\($0.version)" }.joined(separator: ",")
  }

  /// `badge-info`: `subscriber/22` for the badges that carry extra information.
  static func info(_ badges: [SimBadge]) -> String {
    badges.compactMap { badge in badge.info.map { "\(badge.setID)/\($0)" } }.joined(separator: ",")
  }

  static func has(_ setID: String, _ badges: [SimBadge]) -> Bool { badges.contains { $0.setID == setID } }

  static func isSubscriber(_ badges: [SimBadge]) -> Bool { has("subscriber", badges) || has("founder", badges) }

  /// `user-type`: the account type (`staff`, `admin`, `global_mod`), else `mod` for the
  /// channel's moderators, else empty.
  static func userType(_ user: SimUser?, _ badges: [SimBadge]) -> String {
    if let type = user?.type, !type.isEmpty { return type }
    return has("moderator", badges) ? "mod" : ""
  }
}
