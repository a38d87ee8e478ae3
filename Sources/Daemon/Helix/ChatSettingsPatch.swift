/// The chat settings to change with `PATCH chat/settings`; `nil` fields stay as they are.
/// Switching a mode on without its duration keeps the current one (or Twitch's default);
/// giving a duration alone switches the mode on.
public struct ChatSettingsPatch: Sendable, Hashable, Encodable {
  /// Slow mode on or off.
  public var slowMode: Bool?
  /// Seconds between a user's messages, 3 to 120.
  public var slowModeWaitTime: Int?
  /// Followers-only mode on or off.
  public var followerMode: Bool?
  /// Minutes a user must have followed, 0 to 129,600 (90 days).
  public var followerModeDuration: Int?
  /// Subscribers-only mode on or off.
  public var subscriberMode: Bool?
  /// Emote-only mode on or off.
  public var emoteMode: Bool?
  /// Unique-chat mode (no repeated messages) on or off.
  public var uniqueChatMode: Bool?
  /// A delay before non-moderators' messages appear, on or off.
  public var nonModeratorChatDelay: Bool?
  /// Seconds: 2, 4 or 6.
  public var nonModeratorChatDelayDuration: Int?

  /// A patch changing only the settings given.
  public init(
    slowMode: Bool? = nil, slowModeWaitTime: Int? = nil, followerMode: Bool? = nil, followerModeDuration: Int? = nil,
    subscriberMode: Bool? = nil, emoteMode: Bool? = nil, uniqueChatMode: Bool? = nil,
    nonModeratorChatDelay: Bool? = nil, nonModeratorChatDelayDuration: Int? = nil
  ) {
    self.slowMode = slowMode
    self.slowModeWaitTime = slowModeWaitTime
    self.followerMode = followerMode
    self.followerModeDuration = followerModeDuration
    self.subscriberMode = subscriberMode
    self.emoteMode = emoteMode
    self.uniqueChatMode = uniqueChatMode
    self.nonModeratorChatDelay = nonModeratorChatDelay
    self.nonModeratorChatDelayDuration = nonModeratorChatDelayDuration
  }

  /// Whether nothing would change.
  public var isEmpty: Bool { self == ChatSettingsPatch() }

  enum CodingKeys: String, CodingKey {
    case slowMode = "slow_mode"
    case slowModeWaitTime = "slow_mode_wait_time"
    case followerMode = "follower_mode"
    case followerModeDuration = "follower_mode_duration"
    case subscriberMode = "subscriber_mode"
    case emoteMode = "emote_mode"
    case uniqueChatMode = "unique_chat_mode"
    case nonModeratorChatDelay = "non_moderator_chat_delay"
    case nonModeratorChatDelayDuration = "non_moderator_chat_delay_duration"
  }
}
