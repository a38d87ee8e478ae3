import Testing
import TwitchSimCore

@testable import TwitchSimIRC

@Suite struct IRCTagValueTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("two words", "two\\swords"),
    ("semi;colon", "semi\\:colon"),
    ("back\\slash", "back\\\\slash"),
    ("cr\rlf\n", "cr\\rlf\\n"),
    ("all ; \\ \r\n", "all\\s\\:\\s\\\\\\s\\r\\n"),
    ("émoji 🐸 ok", "émoji\\s🐸\\sok"),
    ("", ""),
  ])
  func escapes(_ value: String, _ escaped: String) {
    #expect(IRCTagValue.escape(value) == escaped)
    #expect(IRCTagValue.unescape(ArraySlice(escaped.utf8)) == value)
  }

  @Test(arguments: [
    ("unknown\\x", "unknownx"),
    ("trailing\\", "trailing"),
    ("\\:\\s", "; "),
  ])
  func unescapesLeniently(_ escaped: String, _ value: String) {
    #expect(IRCTagValue.unescape(ArraySlice(escaped.utf8)) == value)
  }

  @Test func emotesTagGroupsByIDInOrderOfAppearance() {
    let text = "Kappa Keepo Kappa 🐸 Kappa <3"
    let ranges = EmoteCatalog.ranges(in: text)
    // Positions count Unicode scalars: the frog is one, so "Kappa" after it starts at 20.
    #expect(IRCRender.emotesTag(ranges) == "25:0-4,12-16,20-24/555555584:26-27")
  }

  @Test func emotesTagIsEmptyWithoutEmotes() {
    #expect(IRCRender.emotesTag([]) == "")
  }

  @Test(arguments: [
    ("a=1;b=2", true),
    ("badge-info=;badges=", true),
    ("badges=;badge-info=", false),
    ("msg-param-sub-plan-name=x;msg-param-sub-plan=Prime", true),
    ("msg-param-sub-plan=Prime;msg-param-sub-plan-name=x", false),
    ("emote-only=0;emotes=", true),
  ])
  func twitchOrder(_ tags: String, _ ordered: Bool) {
    #expect(TagWriter.isTwitchOrdered(tags) == ordered)
  }
}
