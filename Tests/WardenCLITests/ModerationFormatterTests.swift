import Testing
import WardenCLI
import WardenProtocol

@Suite struct ModerationFormatterTests {
  static let channel = TwitchChannel(id: "1", login: "pixelpaladin")
  static let alice = TwitchUser(id: "2", login: "alice", displayName: "Alice")

  static func result(
    _ action: String, user: TwitchUser? = alice, messageID: String? = nil, durationS: Int? = nil,
    reason: String? = nil, mode: ChatMode? = nil, enabled: Bool? = nil
  ) -> ModActionResult {
    ModActionResult(
      action: action, channel: channel, user: user, messageID: messageID, durationS: durationS, reason: reason,
      mode: mode, enabled: enabled)
  }

  @Test(arguments: [
    (result("ban"), "Banned alice in #pixelpaladin"),
    (result("ban", reason: "spam"), "Banned alice in #pixelpaladin (reason: spam)"),
    (result("unban"), "Unbanned alice in #pixelpaladin"),
    (result("timeout", durationS: 600, reason: "spam"), "Timed out alice in #pixelpaladin for 10m (reason: spam)"),
    (result("timeout", durationS: 5400), "Timed out alice in #pixelpaladin for 1h30m"),
    (result("untimeout"), "Ended the timeout of alice in #pixelpaladin"),
    (result("warn", reason: "no links"), "Warned alice in #pixelpaladin (reason: no links)"),
    (result("delete", user: nil, messageID: "abc-1"), "Deleted message abc-1 in #pixelpaladin"),
    (result("clear", user: nil), "Cleared the chat in #pixelpaladin"),
    (result("mode", user: nil, durationS: 30, mode: .slow, enabled: true), "Slow mode on in #pixelpaladin: 30s"),
    (result("mode", user: nil, mode: .slow, enabled: false), "Slow mode off in #pixelpaladin"),
    (
      result("mode", user: nil, durationS: 600, mode: .followers, enabled: true),
      "Followers-only mode on in #pixelpaladin: followers of 10m or more"
    ),
    (
      result("mode", user: nil, durationS: 0, mode: .followers, enabled: true),
      "Followers-only mode on in #pixelpaladin: any follower"
    ),
    (result("mode", user: nil, mode: .followers, enabled: false), "Followers-only mode off in #pixelpaladin"),
    (result("mode", user: nil, mode: .subs, enabled: true), "Subscribers-only mode on in #pixelpaladin"),
    (result("mode", user: nil, mode: .emoteOnly, enabled: false), "Emote-only mode off in #pixelpaladin"),
    (result("mode", user: nil, mode: .uniqueChat, enabled: true), "Unique-chat mode on in #pixelpaladin"),
    (result("shield", user: nil, enabled: true), "Shield mode on in #pixelpaladin"),
    (result("shield", user: nil, enabled: false), "Shield mode off in #pixelpaladin"),
    (result("raid", user: nil), "Done: raid in #pixelpaladin"),
  ])
  func actionLines(_ result: ModActionResult, _ expected: String) {
    #expect(ModerationFormatter.line(for: result) == expected)
  }

  @Test(arguments: [
    (ChatSendResult(channel: channel, messageID: "m-1", sent: true), "Sent to #pixelpaladin (message id m-1)"),
    (ChatSendResult(channel: channel, messageID: nil, sent: true), "Sent to #pixelpaladin"),
    (
      ChatSendResult(channel: channel, messageID: nil, sent: false, dropReason: "Your message is being checked"),
      "Twitch dropped the message in #pixelpaladin: Your message is being checked"
    ),
    (
      ChatSendResult(channel: channel, messageID: nil, sent: false),
      "Twitch dropped the message in #pixelpaladin: no reason given"
    ),
  ])
  func chatLines(_ result: ChatSendResult, _ expected: String) {
    #expect(ChatFormatter.line(for: result) == expected)
  }

  @Test(arguments: [
    (
      [
        ChannelInfo(login: "pixelpaladin", id: "1", joined: true, connection: 1),
        ChannelInfo(login: "ab", joined: false),
      ],
      ["  #pixelpaladin  joined (connection 1)", "  #ab            not joined"]
    ),
    ([ChannelInfo(login: "ab", joined: true)], ["  #ab  joined"]),
    ([], ["No channels watched; add one with `warden join <channel>`."]),
  ])
  func channelLines(_ channels: [ChannelInfo], _ expected: [String]) {
    #expect(ChannelsFormatter.lines(ChannelsResult(channels: channels), style: Style(enabled: false)) == expected)
  }

  @Test(arguments: [([], "no channel"), (["a"], "#a"), (["a", "b"], "#a and #b"), (["a", "b", "c"], "#a, #b and #c")])
  func channelLists(_ logins: [String], _ expected: String) {
    #expect(ChannelsFormatter.list(logins) == expected)
  }
}
