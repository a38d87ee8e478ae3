import Foundation
import WardenProtocol

extension SimWorld {
  /// Bans (`durationSeconds == nil`) or times out a user, as Helix `POST moderation/bans`.
  /// Twitch refuses a ban of someone already banned, and timeouts of 1 to 1,209,600 seconds only.
  @discardableResult
  public func ban(
    channelID: String, userID: String, moderatorID: String, durationSeconds: Int?, reason: String
  ) throws(SimError) -> SimBan {
    let now = now()
    if let duration = durationSeconds, !(1...1_209_600).contains(duration) {
      throw .badRequest(
        "The value in the duration field is not valid. The value must be in the range 1 through 1209600.")
    }
    let (ban, event) = try state.withLock { state throws(SimError) -> (SimBan, SimEvent) in
      let (broadcaster, user, moderator) = try state.parties(channelID, userID, moderatorID)
      guard let channel = state.channels[channelID] else { throw .notFound("no channel \(channelID)") }
      if userID == channelID || channel.moderators.contains(userID) && moderatorID != channelID {
        throw .badRequest("The user specified in the user_id field may not be banned.")
      }
      if let existing = channel.ban(of: userID, at: now), existing.expiresAt == nil {
        throw .badRequest("The user specified in the user_id field is already banned.")
      }
      let ban = SimBan(
        userID: userID, moderatorID: moderatorID, reason: reason, createdAt: now,
        expiresAt: durationSeconds.map { now.addingTimeInterval(Double($0)) })
      state.channels[channelID]!.bans[userID] = ban
      state.channels[channelID]!.chatters.remove(userID)
      return (
        ban,
        .userBanned(
          broadcaster: broadcaster, user: user, moderator: moderator, reason: reason, durationSeconds: durationSeconds)
      )
    }
    hub.publish(event)
    return ban
  }

  /// Lifts a ban or a timeout, as Helix `DELETE moderation/bans`.
  public func unban(channelID: String, userID: String, moderatorID: String) throws(SimError) {
    let now = now()
    let event = try state.withLock { state throws(SimError) -> SimEvent in
      let (broadcaster, user, moderator) = try state.parties(channelID, userID, moderatorID)
      guard state.channels[channelID]!.ban(of: userID, at: now) != nil else {
        throw .badRequest("The user specified in the user_id field is not banned.")
      }
      state.channels[channelID]!.bans[userID] = nil
      return .userUnbanned(broadcaster: broadcaster, user: user, moderator: moderator)
    }
    hub.publish(event)
  }

  /// Deletes one message, or with `messageID == nil` clears the chat, as Helix
  /// `DELETE moderation/chat`. Messages older than six hours cannot be deleted.
  public func deleteChat(channelID: String, messageID: String?, moderatorID: String) throws(SimError) {
    let now = now()
    let event = try state.withLock { state throws(SimError) -> SimEvent in
      guard let broadcaster = state.users[channelID], state.channels[channelID] != nil else {
        throw .notFound("no channel \(channelID)")
      }
      guard let moderator = state.users[moderatorID] else { throw .notFound("no user with id \(moderatorID)") }
      guard let messageID else {
        for id in state.channels[channelID]!.messages.keys { state.channels[channelID]!.messages[id]!.deleted = true }
        return .chatCleared(broadcaster: broadcaster, moderator: moderator)
      }
      guard var message = state.channels[channelID]!.messages[messageID], !message.deleted else {
        throw .notFound("The message specified in the message_id field was not found.")
      }
      if now.timeIntervalSince(message.sentAt) > 6 * 3600 {
        throw .badRequest("You may not delete messages that are more than 6 hours old.")
      }
      if message.userID == channelID || state.channels[channelID]!.moderators.contains(message.userID) {
        throw .badRequest("You may not delete another moderator's messages or the broadcaster's messages.")
      }
      message.deleted = true
      state.channels[channelID]!.messages[messageID] = message
      guard let sender = state.users[message.userID] else { throw .notFound("no user with id \(message.userID)") }
      return .messageDeleted(broadcaster: broadcaster, message: message, sender: sender, moderator: moderator)
    }
    hub.publish(event)
  }

  /// Warns a user, as Helix `POST moderation/warnings`.
  public func warn(channelID: String, userID: String, moderatorID: String, reason: String) throws(SimError) {
    guard !reason.isEmpty, reason.count <= 500 else {
      throw .badRequest("The reason is required and must be at most 500 characters.")
    }
    let event = try state.withLock { state throws(SimError) -> SimEvent in
      let (broadcaster, user, moderator) = try state.parties(channelID, userID, moderatorID)
      return .userWarned(broadcaster: broadcaster, user: user, moderator: moderator, reason: reason)
    }
    hub.publish(event)
  }

  /// Changes chat settings, as Helix `PATCH chat/settings`; returns the new settings.
  @discardableResult
  public func updateChatSettings(
    channelID: String, moderatorID: String?, _ change: (inout ChatSettings) -> Void
  ) throws(SimError) -> ChatSettings {
    let (settings, event) = try state.withLock { state throws(SimError) -> (ChatSettings, SimEvent) in
      guard let broadcaster = state.users[channelID], state.channels[channelID] != nil else {
        throw .notFound("no channel \(channelID)")
      }
      change(&state.channels[channelID]!.settings)
      let settings = state.channels[channelID]!.settings
      let moderator = moderatorID.flatMap { state.users[$0] }
      return (settings, .chatSettingsChanged(broadcaster: broadcaster, settings: settings, moderator: moderator))
    }
    hub.publish(event)
    return settings
  }

  public func setShieldMode(channelID: String, moderatorID: String, active: Bool) throws(SimError) {
    let event = try state.withLock { state throws(SimError) -> SimEvent in
      guard let broadcaster = state.users[channelID], state.channels[channelID] != nil else {
        throw .notFound("no channel \(channelID)")
      }
      guard let moderator = state.users[moderatorID] else { throw .notFound("no user with id \(moderatorID)") }
      state.channels[channelID]!.shieldMode = active
      return .shieldMode(broadcaster: broadcaster, moderator: moderator, active: active)
    }
    hub.publish(event)
  }

  // MARK: Blocked terms

  @discardableResult
  public func addBlockedTerm(channelID: String, moderatorID: String, text: String) throws(SimError) -> SimBlockedTerm {
    guard (2...500).contains(text.count) else {
      throw .badRequest("The term must contain a minimum of 2 characters and a maximum of 500 characters.")
    }
    let now = now()
    return try state.withLock { state throws(SimError) in
      guard state.channels[channelID] != nil else { throw .notFound("no channel \(channelID)") }
      if let existing = state.channels[channelID]!.blockedTerms.first(where: {
        $0.text.lowercased() == text.lowercased()
      }) {
        return existing
      }
      let term = SimBlockedTerm(id: SimIDs.uuid(), text: text, moderatorID: moderatorID, createdAt: now, expiresAt: nil)
      state.channels[channelID]!.blockedTerms.append(term)
      return term
    }
  }

  public func removeBlockedTerm(channelID: String, termID: String) throws(SimError) {
    try state.withLock { state throws(SimError) in
      guard state.channels[channelID] != nil else { throw .notFound("no channel \(channelID)") }
      state.channels[channelID]!.blockedTerms.removeAll { $0.id == termID }
    }
  }

  // MARK: AutoMod

  /// A moderator approves or denies a held message, as Helix `POST moderation/automod/message`.
  /// An approved message is then delivered to chat.
  public func resolveHeld(channelID: String, messageID: String, moderatorID: String, approve: Bool) throws(SimError) {
    let now = now()
    let (held, sender, broadcaster, moderator) = try state.withLock {
      state throws(SimError) -> (HeldMessage, SimUser, SimUser, SimUser) in
      guard let broadcaster = state.users[channelID], state.channels[channelID] != nil else {
        throw .notFound("no channel \(channelID)")
      }
      guard var held = state.channels[channelID]!.held[messageID], held.status == nil else {
        throw .notFound("The message specified in the msg_id field was not found.")
      }
      guard let moderator = state.users[moderatorID], let sender = state.users[held.userID] else {
        throw .notFound("no such user")
      }
      held.status = approve ? "approved" : "denied"
      state.channels[channelID]!.held[messageID] = held
      if approve {
        let message = ChatMessage(
          id: held.id, channelID: channelID, userID: held.userID, text: held.text, sentAt: now, isAction: false,
          bits: 0, replyParentID: nil, firstMessage: state.channels[channelID]!.lastMessageAt[held.userID] == nil,
          returningChatter: false, emotes: EmoteCatalog.ranges(in: held.text), deleted: false)
        state.channels[channelID]!.messages[message.id] = message
        state.channels[channelID]!.lastMessageAt[held.userID] = now
      }
      return (held, sender, broadcaster, moderator)
    }
    hub.publish(.automodResolved(held, sender: sender, broadcaster: broadcaster, moderator: moderator))
    if approve, let message = message(held.id, in: channelID) {
      let event = ChatMessageEvent(
        message: message, sender: sender, broadcaster: broadcaster, role: role(of: sender.id, in: channelID),
        badges: badges(of: sender.id, in: channelID), replyParent: nil)
      hub.publish(.chatMessage(event))
    }
  }

  // MARK: Actions log and faults

  /// Records an action that reached the simulator; returns it with its sequence number.
  @discardableResult
  public func record(
    _ kind: String, via: String, channelID: String?, actorID: String?, clientID: String?,
    params: [String: JSONParam] = [:]
  ) -> RecordedAction {
    let now = now()
    return state.withLock { state in
      let action = RecordedAction(
        seq: state.actions.count + 1, kind: kind, via: via, channelID: channelID, actorID: actorID,
        clientID: clientID, params: params, at: now)
      state.actions.append(action)
      return action
    }
  }

  /// Recorded actions with `seq > after`, optionally of one kind.
  public func actions(after: Int = 0, kind: String? = nil) -> [RecordedAction] {
    state.withLock { state in
      state.actions.filter { $0.seq > after && (kind == nil || $0.kind == kind) }
    }
  }

  public var helixFaults: HelixFaults {
    get { state.withLock { $0.helixFaults } }
    set { state.withLock { $0.helixFaults = newValue } }
  }

  /// Takes one request's share of the injected Helix faults: the status to fail with, if any,
  /// and the latency to add.
  public func takeHelixFault() -> (status: Int?, latencyMS: Int) {
    state.withLock { state in
      var status: Int?
      if let failing = state.helixFaults.failStatus, state.helixFaults.failCount > 0 {
        status = failing
        state.helixFaults.failCount -= 1
        if state.helixFaults.failCount == 0 { state.helixFaults.failStatus = nil }
      }
      return (status, state.helixFaults.latencyMS)
    }
  }

  /// Publishes a connection fault for the surfaces.
  public func inject(_ fault: SimFault) { hub.publish(.fault(fault)) }
}

/// A recorded action's parameter value.
public typealias JSONParam = JSONValue

extension WorldState {
  /// The broadcaster, target user and moderator of a moderation action, checking the
  /// moderator may act in the channel.
  func parties(_ channelID: String, _ userID: String, _ moderatorID: String) throws(SimError)
    -> (SimUser, SimUser, SimUser)
  {
    guard let broadcaster = users[channelID], channels[channelID] != nil else {
      throw .notFound("no channel \(channelID)")
    }
    guard let user = users[userID] else { throw .badRequest("The user_id query parameter is required.") }
    guard let moderator = users[moderatorID] else { throw .badRequest("The moderator_id query parameter is required.") }
    guard role(of: moderatorID, in: channelID).isPrivileged else {
      throw .forbidden("The user in moderator_id is not one of the broadcaster's moderators.")
    }
    return (broadcaster, user, moderator)
  }
}
