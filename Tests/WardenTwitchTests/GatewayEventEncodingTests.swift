import Testing
import WardenIRC
import WardenProtocol
import WardenTestSupport

@testable import WardenTwitch

/// `GatewayEvent.encodedData()` writes `chat.message` by hand; every payload must still be the
/// bytes `WireCoding.encode` gives, here for events mapped from real Twitch lines.
@Suite struct GatewayEventEncodingTests {
  @Test func chatMessagesFromRealLinesEncodeAsJSONEncoderDoes() throws {
    var mapper = IRCEventMapper()
    var chatMessages = 0
    for line in TwitchIRCSamples.lines {
      guard let message = try? IRCMessage.parse(line) else { continue }
      for event in mapper.events(for: message) {
        guard case .chatMessage(let data) = event else { continue }
        chatMessages += 1
        #expect(try event.encodedData() == WireCoding.encode(data), "\(line)")
      }
    }
    #expect(chatMessages >= 5)
  }

  @Test func mappedPrivmsgWithEveryFieldEncodesAsJSONEncoderDoes() throws {
    let line =
      "@badge-info=subscriber/26;badges=moderator/1,subscriber/24;color=#19E6E6;display-name=Mod_Marta;"
      + "emotes=25:6-10,12-16/1902:0-4;first-msg=1;id=m-1;returning-chatter=1;room-id=1001;"
      + #"reply-parent-msg-id=p-1;reply-parent-user-id=7;reply-parent-user-login=bob;reply-parent-display-name=Bob;"#
      + #"reply-parent-msg-body=say\s"hi"\s\\o/;reply-thread-parent-msg-id=t-1;reply-thread-parent-user-login=eve;"#
      + "source-room-id=2002;source-id=s-1;source-badges=vip/1;source-badge-info=;"
      + "tmi-sent-ts=1700000000123;user-id=42;bits=100 :mod_marta!mod_marta@mod_marta.tmi.twitch.tv "
      + "PRIVMSG #pixelpaladin :\u{1}ACTION Keepo Kappa Kappa \"quoted\" \\ / 🚀\u{1}"
    var mapper = IRCEventMapper()
    let events = mapper.events(for: try IRCMessage.parse(line))
    guard case .chatMessage(let data) = try #require(events.first) else {
      Issue.record("expected chat.message, got \(events)")
      return
    }
    #expect(data.reply != nil)
    #expect(data.sharedChat != nil)
    #expect(data.isAction)
    #expect(try events[0].encodedData() == WireCoding.encode(data))
  }
}
