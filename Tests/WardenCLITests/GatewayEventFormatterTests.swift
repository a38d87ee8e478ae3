import Foundation
import Testing
import WardenCLI
import WardenProtocol

@Suite struct GatewayEventFormatterTests {
  let plain = EventFormatter(style: Style(enabled: false), timeZone: TimeZone(identifier: "UTC")!)
  static let channel = TwitchChannel(id: "1", login: "chan")
  static let alice = TwitchUser(id: "2", login: "alice", displayName: "Alice")
  static let marta = TwitchUser(id: "3", login: "mod_marta", displayName: "Mod_Marta")

  static let cases: [(EventType, any Encodable & Sendable, String)] = [
    (
      .chatMessage,
      ChatMessageData(channel: channel, messageID: "m-1", user: alice, text: "hi", source: .irc),
      "Alice: hi  id m-1"
    ),
    (
      .chatMessage,
      ChatMessageData(
        channel: channel, messageID: "m-2", user: TwitchUser(id: "4", login: "bob", displayName: "Bobby"),
        text: "waves", isAction: true, bits: 100, isFirstMessage: true, source: .irc),
      "Bobby (bob): * waves [100 bits] (first message)  id m-2"
    ),
    (
      .chatDelete,
      ChatDeleteData(channel: channel, messageID: "m-1", user: alice, text: "spam", moderator: marta, source: .both),
      "message of Alice deleted by Mod_Marta: spam [both]"
    ),
    (
      .modTimeout,
      ModTimeoutData(channel: channel, user: alice, moderator: marta, reason: "spam", durationS: 600, source: .both),
      "Alice timed out for 600 s by Mod_Marta (reason: spam) [both]"
    ),
    (.modBan, ModBanData(channel: channel, user: alice, source: .irc), "Alice banned [irc]"),
    (
      .modMode, ModModeData(channel: channel, mode: .slow, enabled: true, durationS: 30, source: .eventsub),
      "slow on (30 s) [eventsub]"
    ),
    (
      .sysConnection,
      ConnectionData(
        transport: .irc, connection: 0, state: .connected, channels: ["chan"], reason: "reconnected after a loss",
        downMS: 1200, possiblyMissed: 42),
      "irc 0 connected: reconnected after a loss, about 42 messages may have been missed"
    ),
    (
      .sysAuthRevoked, AuthData(user: TwitchUser(login: "warden_bot"), message: "the token was revoked"),
      "account warden_bot: the token was revoked"
    ),
  ]

  @Test(arguments: 0..<cases.count)
  func gatewayEventsReadAsSentences(_ index: Int) throws {
    let (type, data, expected) = Self.cases[index]
    let envelope = Envelope(
      type: type, id: "x", seq: 1, epoch: "e", ts: 0, channel: "chan", data: try WireCoding.value(data))
    let line = plain.line(for: envelope)
    #expect(line.hasSuffix("  " + expected), "\(line)")
  }
}
