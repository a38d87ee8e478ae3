import TwitchSimCore

/// A `PATCH chat/settings` body, checked against Twitch's ranges before anything changes.
struct ChatSettingsChange: Sendable, Equatable {
  var emoteMode: Bool?
  var followerMode: Bool?
  var followerModeDuration: Int?
  var slowMode: Bool?
  var slowModeWaitTime: Int?
  var subscriberMode: Bool?
  var uniqueChatMode: Bool?
  var nonModeratorChatDelay: Bool?
  var nonModeratorChatDelayDuration: Int?

  init(_ body: [String: JSONParam]) throws(SimError) {
    emoteMode = try body.bool("emote_mode")
    followerMode = try body.bool("follower_mode")
    followerModeDuration = try body.int("follower_mode_duration")
    slowMode = try body.bool("slow_mode")
    slowModeWaitTime = try body.int("slow_mode_wait_time")
    subscriberMode = try body.bool("subscriber_mode")
    uniqueChatMode = try body.bool("unique_chat_mode")
    nonModeratorChatDelay = try body.bool("non_moderator_chat_delay")
    nonModeratorChatDelayDuration = try body.int("non_moderator_chat_delay_duration")
    if let minutes = followerModeDuration, !(0...129_600).contains(minutes) {
      throw .badRequest("The value in follower_mode_duration must be from 0 through 129600.")
    }
    if let seconds = slowModeWaitTime, !(3...120).contains(seconds) {
      throw .badRequest("The value in slow_mode_wait_time must be from 3 through 120.")
    }
    if let seconds = nonModeratorChatDelayDuration, ![2, 4, 6].contains(seconds) {
      throw .badRequest("The value in non_moderator_chat_delay_duration must be 2, 4 or 6.")
    }
  }

  /// A mode switched on without its duration keeps the current one or takes Twitch's
  /// default (followers 0 minutes, slow 30 seconds, delay 2 seconds); giving a duration
  /// alone switches the mode on.
  func apply(to settings: inout ChatSettings) {
    if let emoteMode { settings.emoteMode = emoteMode }
    if let subscriberMode { settings.subscriberMode = subscriberMode }
    if let uniqueChatMode { settings.uniqueChatMode = uniqueChatMode }
    settings.followerModeDuration = Self.mode(
      followerMode, followerModeDuration, current: settings.followerModeDuration, default: 0)
    settings.slowModeWaitTime = Self.mode(slowMode, slowModeWaitTime, current: settings.slowModeWaitTime, default: 30)
    settings.nonModeratorChatDelayDuration = Self.mode(
      nonModeratorChatDelay, nonModeratorChatDelayDuration, current: settings.nonModeratorChatDelayDuration, default: 2)
  }

  private static func mode(_ enabled: Bool?, _ duration: Int?, current: Int?, default fallback: Int) -> Int? {
    switch enabled {
    case false: nil
    case true: duration ?? current ?? fallback
    case nil: duration ?? current
    }
  }
}
