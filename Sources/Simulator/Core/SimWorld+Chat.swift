import Foundation

/// What became of a message a user sent.
public enum ChatSendResult: Sendable, Equatable {
  /// Delivered to chat.
  case sent(ChatMessage)
  /// Held by AutoMod (or a blocked term) for moderators to review.
  case held(HeldMessage)
}

extension SimWorld {
  /// A user sends a message to a channel, as IRC PRIVMSG or Helix `chat/messages` would.
  /// Refusals carry the NOTICE msg-id IRC shows (`msg_banned`, `msg_timedout`, `msg_slowmode`…).
  @discardableResult
  public func sendChat(
    channelID: String, userID: String, text: String, isAction: Bool = false, bits: Int = 0,
    replyParentID: String? = nil
  ) throws(SimError) -> ChatSendResult {
    let now = now()
    let (result, events) = try state.withLock { state throws(SimError) -> (ChatSendResult, [SimEvent]) in
      guard let broadcaster = state.users[channelID], var channel = state.channels[channelID] else {
        throw .notFound("no channel \(channelID)")
      }
      guard let sender = state.users[userID] else { throw .notFound("no user with id \(userID)") }
      let role = state.role(of: userID, in: channelID)
      if let ban = channel.ban(of: userID, at: now) {
        if let expiry = ban.expiresAt {
          let left = Int(expiry.timeIntervalSince(now).rounded(.up))
          throw .badRequest(
            "You are timed out for \(left) more seconds.", notice: "msg_timedout")
        }
        throw .badRequest("You are permanently banned from talking in \(broadcaster.login).", notice: "msg_banned")
      }
      if !role.isPrivileged {
        if channel.settings.emoteMode && !EmoteCatalog.isOnlyEmotes(text) {
          throw .badRequest("This room is in emote-only mode.", notice: "msg_emoteonly")
        }
        if channel.settings.subscriberMode && role == .viewer {
          throw .badRequest(
            "This room is in subscribers-only mode. To talk, purchase a channel subscription.", notice: "msg_subsonly")
        }
        if let wait = channel.settings.slowModeWaitTime, let last = channel.lastMessageAt[userID],
          now.timeIntervalSince(last) < Double(wait)
        {
          let left = Int((Double(wait) - now.timeIntervalSince(last)).rounded(.up))
          throw .badRequest(
            "This room is in slow mode and you are sending messages too quickly. You will be able to talk again in \(left) seconds.",
            notice: "msg_slowmode")
        }
      }
      let lowered = text.lowercased()
      let blocked = channel.blockedTerms.filter { lowered.contains($0.text.lowercased()) }
      let automod = channel.automodTerms.first { lowered.contains($0) }
      if !role.isPrivileged && (!blocked.isEmpty || automod != nil) {
        let held = HeldMessage(
          id: SimIDs.uuid(), channelID: channelID, userID: userID, text: text, heldAt: now,
          reason: blocked.isEmpty ? "automod" : "blocked_term", category: blocked.isEmpty ? "swearing" : "",
          level: blocked.isEmpty ? 4 : 0, blockedTermIDs: blocked.map(\.id), status: nil)
        channel.held[held.id] = held
        state.channels[channelID] = channel
        return (.held(held), [.automodHeld(held, sender: sender, broadcaster: broadcaster)])
      }
      var parent: (message: ChatMessage, sender: SimUser)?
      if let replyParentID {
        guard let original = channel.messages[replyParentID], let author = state.users[original.userID] else {
          throw .badRequest("The parent message was not found.", notice: "invalid_parent")
        }
        parent = (original, author)
      }
      let previous = channel.lastMessageAt[userID]
      let message = ChatMessage(
        id: SimIDs.uuid(), channelID: channelID, userID: userID, text: text, sentAt: now, isAction: isAction,
        bits: bits, replyParentID: replyParentID, firstMessage: previous == nil,
        returningChatter: previous.map { now.timeIntervalSince($0) > 30 * 86_400 } ?? false,
        emotes: EmoteCatalog.ranges(in: text), deleted: false)
      channel.messages[message.id] = message
      channel.lastMessageAt[userID] = now
      channel.chatters.insert(userID)
      state.channels[channelID] = channel
      let event = ChatMessageEvent(
        message: message, sender: sender, broadcaster: broadcaster, role: role,
        badges: state.badges(of: userID, in: channelID), replyParent: parent)
      var events: [SimEvent] = [.chatMessage(event)]
      if let status = channel.suspiciousUsers[userID] {
        events.append(.suspiciousMessage(event, lowTrustStatus: status))
      }
      return (.sent(message), events)
    }
    for event in events { hub.publish(event) }
    return result
  }

  /// A message by id in a channel.
  public func message(_ id: String, in channelID: String) -> ChatMessage? {
    state.withLock { $0.channels[channelID]?.messages[id] }
  }

  /// Marks a user present in (or gone from) a channel's chat, as IRC JOIN/PART do.
  public func setPresence(userID: String, in channelID: String, present: Bool) {
    state.withLock { state in
      guard state.channels[channelID] != nil else { return }
      if present {
        state.channels[channelID]!.chatters.insert(userID)
      } else {
        state.channels[channelID]!.chatters.remove(userID)
      }
    }
  }

  /// Users in a channel's chat, ordered by login.
  public func chatters(of channelID: String) -> [SimUser] {
    state.withLock { state in
      (state.channels[channelID]?.chatters ?? []).compactMap { state.users[$0] }.sorted { $0.login < $1.login }
    }
  }

  // MARK: Notices, raids, follows, streams

  /// Publishes a USERNOTICE (sub, resub, raid, announcement, …) in a channel.
  public func userNotice(
    kind: String, userID: String, channelID: String, params: [String: String] = [:], systemMessage: String,
    text: String? = nil
  ) throws(SimError) {
    let now = now()
    let event = try state.withLock { state throws(SimError) -> UserNoticeEvent in
      guard let user = state.users[userID] else { throw .notFound("no user with id \(userID)") }
      guard let broadcaster = state.users[channelID], state.channels[channelID] != nil else {
        throw .notFound("no channel \(channelID)")
      }
      if kind == "sub" || kind == "resub" {
        let months =
          Int(params["cumulative-months"] ?? "") ?? (state.channels[channelID]!.subscriberMonths[userID] ?? 0) + 1
        state.channels[channelID]!.subscriberMonths[userID] = months
      }
      return UserNoticeEvent(
        kind: kind, user: user, broadcaster: broadcaster, badges: state.badges(of: userID, in: channelID),
        params: params, systemMessage: systemMessage, text: text, id: SimIDs.uuid(), sentAt: now)
    }
    hub.publish(.userNotice(event))
  }

  /// `from` raids `to` with `viewers` viewers: a raid USERNOTICE in the target channel and a
  /// `channel.raid` event.
  public func raid(fromID: String, toID: String, viewers: Int) throws(SimError) {
    guard let from = user(id: fromID) else { throw .notFound("no user with id \(fromID)") }
    guard let to = user(id: toID) else { throw .notFound("no user with id \(toID)") }
    try userNotice(
      kind: "raid", userID: fromID, channelID: toID,
      params: ["displayName": from.displayName, "login": from.login, "viewerCount": "\(viewers)"],
      systemMessage: "\(viewers) raiders from \(from.displayName) have joined!")
    hub.publish(.raid(from: from, to: to, viewers: viewers))
  }

  public func follow(userID: String, channelID: String) throws(SimError) {
    let now = now()
    let (user, broadcaster) = try state.withLock { state throws(SimError) -> (SimUser, SimUser) in
      guard let user = state.users[userID] else { throw .notFound("no user with id \(userID)") }
      guard let broadcaster = state.users[channelID], state.channels[channelID] != nil else {
        throw .notFound("no channel \(channelID)")
      }
      state.channels[channelID]!.followers[userID] = now
      return (user, broadcaster)
    }
    hub.publish(.follow(user: user, broadcaster: broadcaster, at: now))
  }

  /// The channel goes live.
  @discardableResult
  public func goLive(channelID: String, title: String? = nil, gameName: String? = nil, viewers: Int = 0)
    throws(SimError) -> SimStream
  {
    let now = now()
    let (broadcaster, stream) = try state.withLock { state throws(SimError) -> (SimUser, SimStream) in
      guard let broadcaster = state.users[channelID], var channel = state.channels[channelID] else {
        throw .notFound("no channel \(channelID)")
      }
      if let title { channel.title = title }
      if let gameName { channel.gameName = gameName }
      let stream =
        channel.stream
        ?? SimStream(
          id: state.nextStreamID(), startedAt: now, title: channel.title, gameID: channel.gameID,
          gameName: channel.gameName, language: channel.language, viewerCount: viewers)
      channel.stream = stream
      state.channels[channelID] = channel
      return (broadcaster, stream)
    }
    hub.publish(.streamOnline(broadcaster: broadcaster, stream: stream))
    return stream
  }

  public func goOffline(channelID: String) throws(SimError) {
    let broadcaster = try state.withLock { state throws(SimError) -> SimUser in
      guard let broadcaster = state.users[channelID], state.channels[channelID] != nil else {
        throw .notFound("no channel \(channelID)")
      }
      state.channels[channelID]!.stream = nil
      return broadcaster
    }
    hub.publish(.streamOffline(broadcaster: broadcaster))
  }

  /// Configures AutoMod's trigger words and suspicious users of a channel (control API).
  public func configureChannel(_ channelID: String, _ change: (inout SimChannel) -> Void) throws(SimError) {
    try state.withLock { state throws(SimError) in
      guard state.channels[channelID] != nil else { throw .notFound("no channel \(channelID)") }
      change(&state.channels[channelID]!)
    }
  }
}

extension EmoteCatalog {
  /// Whether every word of `text` is an emote (emote-only mode).
  static func isOnlyEmotes(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    return !words.isEmpty && words.allSatisfy { global[String($0)] != nil }
  }
}
