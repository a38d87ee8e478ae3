/// A channel's chat settings as Twitch reports them.
public struct HelixChatSettings: Sendable, Hashable, Decodable {
  /// The channel.
  public var broadcasterID: String
  /// Seconds between a user's messages; `nil` when slow mode is off.
  public var slowModeWaitTime: Int?
  /// Minutes a user must have followed; `nil` when follower mode is off.
  public var followerModeDuration: Int?
  /// Only subscribers may chat.
  public var subscriberMode: Bool
  /// Only emotes may be sent.
  public var emoteMode: Bool
  /// A message may not repeat a recent one.
  public var uniqueChatMode: Bool
  /// Seconds of delay for non-moderators' messages; `nil` when off or not reported.
  public var nonModeratorChatDelayDuration: Int?

  /// Whether slow mode is on.
  public var slowMode: Bool { slowModeWaitTime != nil }
  /// Whether followers-only mode is on.
  public var followerMode: Bool { followerModeDuration != nil }

  enum CodingKeys: String, CodingKey {
    case broadcasterID = "broadcaster_id"
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

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    broadcasterID = try container.decode(String.self, forKey: .broadcasterID)
    let slow = try container.decodeIfPresent(Bool.self, forKey: .slowMode) ?? false
    slowModeWaitTime = slow ? try container.decodeIfPresent(Int.self, forKey: .slowModeWaitTime) ?? 0 : nil
    let followers = try container.decodeIfPresent(Bool.self, forKey: .followerMode) ?? false
    followerModeDuration = followers ? try container.decodeIfPresent(Int.self, forKey: .followerModeDuration) ?? 0 : nil
    subscriberMode = try container.decodeIfPresent(Bool.self, forKey: .subscriberMode) ?? false
    emoteMode = try container.decodeIfPresent(Bool.self, forKey: .emoteMode) ?? false
    uniqueChatMode = try container.decodeIfPresent(Bool.self, forKey: .uniqueChatMode) ?? false
    let delay = try container.decodeIfPresent(Bool.self, forKey: .nonModeratorChatDelay) ?? false
    nonModeratorChatDelayDuration =
      delay ? try container.decodeIfPresent(Int.self, forKey: .nonModeratorChatDelayDuration) : nil
  }
}
