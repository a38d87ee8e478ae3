import WardenHelix
import WardenProtocol
import WardenTransport

/// EventSub subscriptions: created through Helix for every watched channel on each new session.
extension TwitchGateway {
  /// What to subscribe to for one channel: moderation (with the token's user as moderator) and
  /// the stream's state. Chat comes over IRC; raids and subs too (USERNOTICE).
  func subscriptionPlan(channelID: String, moderatorID: String) -> [(
    type: String, version: String, condition: [String: String]
  )] {
    let moderation = ["broadcaster_user_id": channelID, "moderator_user_id": moderatorID]
    let broadcaster = ["broadcaster_user_id": channelID]
    return EventSubEventMapper.moderationTypes.map { ($0.type, $0.version, moderation) }
      + EventSubEventMapper.broadcasterTypes.map { ($0.type, $0.version, broadcaster) }
  }

  func subscribe(_ request: EventSubSubscribeRequest) async {
    switch request {
    case .all(let sessionID):
      state.withLock {
        $0.eventSubSession = sessionID
        $0.eventSubModeration = []
        $0.subscriptions = [:]
      }
      let channels = state.withLock { $0.channels }
      await subscribe(channels: channels, sessionID: sessionID, only: nil)
    case .recreate(let sessionID, let type):
      let channels = state.withLock { $0.channels }
      await subscribe(channels: channels, sessionID: sessionID, only: type)
    }
  }

  /// Creates the subscriptions of `channels` (only those of type `only`, when given).
  func subscribe(channels: [String], sessionID: String, only: String?) async {
    guard let helix, let tokens, let moderatorID = await tokens.status.user?.id, !channels.isEmpty else { return }
    let ids: [String: String]
    do {
      ids = try await channelIDs(channels)
    } catch {
      logger.error("cannot look up the channels for EventSub", metadata: ["twitch.error": "\(error)"])
      return
    }
    for login in channels {
      guard let channelID = ids[login] else {
        logger.warning("no Twitch channel of this name", metadata: ["twitch.channel": "\(login)"])
        continue
      }
      for item in subscriptionPlan(channelID: channelID, moderatorID: moderatorID)
      where only == nil || item.type == only {
        do {
          let created = try await helix.createEventSubSubscription(
            type: item.type, version: item.version, condition: item.condition, sessionID: sessionID)
          state.withLock {
            $0.subscriptions[channelID, default: []].append(created.id)
            if item.type == "channel.moderate" { $0.eventSubModeration.insert(channelID) }
          }
        } catch {
          logger.warning(
            "EventSub subscription refused; this channel's events of that type come from IRC only, if at all",
            metadata: [
              "twitch.channel": "\(login)", "twitch.subscription_type": "\(item.type)", "twitch.error": "\(error)",
            ])
        }
      }
    }
  }

  /// Deletes a channel's subscriptions (after `channels.part`).
  func unsubscribe(channelID: String) async {
    guard let helix else { return }
    let ids = state.withLock { state -> [String] in
      state.eventSubModeration.remove(channelID)
      return state.subscriptions.removeValue(forKey: channelID) ?? []
    }
    for id in ids {
      do {
        try await helix.deleteEventSubSubscription(id: id)
      } catch {
        logger.warning("cannot delete an EventSub subscription", metadata: ["twitch.error": "\(error)"])
      }
    }
  }

  /// Channel ids by login: known ones from chat, the rest from Helix.
  func channelIDs(_ logins: [String]) async throws -> [String: String] {
    var ids = state.withLock { state in state.channelIDs.filter { logins.contains($0.key) } }
    let missing = logins.filter { ids[$0] == nil }
    guard !missing.isEmpty, let helix else { return ids }
    for user in try await helix.users(logins: missing) {
      ids[user.login] = user.id
      state.withLock {
        $0.channelIDs[user.login] = user.id
        $0.users[user.login] = TwitchUser(id: user.id, login: user.login, displayName: user.displayName)
      }
    }
    return ids
  }
}
