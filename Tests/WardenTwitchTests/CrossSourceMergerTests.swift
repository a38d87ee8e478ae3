import Testing
import WardenProtocol

@testable import WardenTwitch

@Suite struct CrossSourceMergerTests {
  let channel = TwitchChannel(id: "1001", login: "chan")
  let start = ContinuousClock.now
  let moderator = TwitchUser(id: "2", login: "mod_marta", displayName: "Mod_Marta")

  func ban(_ source: EventSource, moderator: TwitchUser? = nil) -> GatewayEvent {
    .ban(
      ModBanData(channel: channel, user: TwitchUser(id: "9", login: "spammer"), moderator: moderator, source: source))
  }

  func delete(_ source: EventSource, id: String = "m-1", moderator: TwitchUser? = nil) -> GatewayEvent {
    .chatDelete(
      ChatDeleteData(
        channel: channel, messageID: id, user: TwitchUser(login: "spammer"), text: source == .irc ? "spam" : nil,
        moderator: moderator, source: source))
  }

  @Test func ircThenEventSubIsPublishedOnceWithTheModerator() {
    var merger = CrossSourceMerger(window: .seconds(2))
    #expect(merger.receive(ban(.irc), twinExpected: true, now: start).isEmpty)
    let out = merger.receive(ban(.eventsub, moderator: moderator), twinExpected: true, now: start + .milliseconds(300))
    #expect(out == [ban(.both, moderator: moderator)])
    #expect(merger.expire(now: start + .seconds(5)).isEmpty)
  }

  @Test func eventSubThenIRCIsPublishedOnceToo() {
    var merger = CrossSourceMerger(window: .seconds(2))
    #expect(merger.receive(ban(.eventsub, moderator: moderator), twinExpected: true, now: start).isEmpty)
    #expect(
      merger.receive(ban(.irc), twinExpected: true, now: start + .milliseconds(100)) == [
        ban(.both, moderator: moderator)
      ])
  }

  @Test func aTwinAfterALonePublicationIsDropped() {
    var merger = CrossSourceMerger(window: .seconds(2))
    #expect(
      merger.receive(ban(.eventsub, moderator: moderator), twinExpected: false, now: start) == [
        ban(.eventsub, moderator: moderator)
      ])
    #expect(merger.receive(ban(.irc), twinExpected: true, now: start + .milliseconds(100)).isEmpty)
  }

  @Test func ircAloneIsPublishedWhenTheWindowEnds() {
    var merger = CrossSourceMerger(window: .seconds(2))
    #expect(merger.receive(delete(.irc), twinExpected: true, now: start).isEmpty)
    #expect(merger.expire(now: start + .seconds(1)).isEmpty)
    #expect(merger.expire(now: start + .seconds(2)) == [delete(.irc)])
    #expect(merger.heldCount == 0)
    // The EventSub twin arriving after that is dropped: the action was published once.
    #expect(
      merger.receive(delete(.eventsub, moderator: moderator), twinExpected: true, now: start + .seconds(3)).isEmpty)
  }

  @Test func withoutEventSubIRCPassesAtOnce() {
    var merger = CrossSourceMerger(window: .seconds(2))
    #expect(merger.receive(delete(.irc), twinExpected: false, now: start) == [delete(.irc)])
  }

  @Test func mergedDeleteKeepsTheTextOnlyIRCKnew() {
    var merger = CrossSourceMerger(window: .seconds(2))
    _ = merger.receive(delete(.irc), twinExpected: true, now: start)
    let out = merger.receive(delete(.eventsub, moderator: moderator), twinExpected: true, now: start)
    guard case .chatDelete(let data) = out.first else {
      Issue.record("expected a delete, got \(out)")
      return
    }
    #expect(data.text == "spam")
    #expect(data.moderator == moderator)
    #expect(data.source == .both)
  }

  @Test func differentActionsAreNotMerged() {
    var merger = CrossSourceMerger(window: .seconds(2))
    _ = merger.receive(delete(.irc, id: "m-1"), twinExpected: true, now: start)
    #expect(merger.receive(delete(.eventsub, id: "m-2"), twinExpected: true, now: start).isEmpty)
    #expect(merger.heldCount == 2)
    #expect(merger.flush() == [delete(.irc, id: "m-1"), delete(.eventsub, id: "m-2")])
  }

  @Test func eventsOutsideTheMergePassThrough() {
    var merger = CrossSourceMerger(window: .seconds(2))
    let warn = GatewayEvent.warn(
      ModWarnData(channel: channel, user: TwitchUser(login: "x"), reason: "be nice", source: .eventsub))
    #expect(merger.receive(warn, twinExpected: true, now: start) == [warn])
    #expect(merger.receive(warn, twinExpected: true, now: start) == [warn])
  }

  @Test func heldEventsLeaveInArrivalOrder() {
    var merger = CrossSourceMerger(window: .seconds(2))
    _ = merger.receive(delete(.irc, id: "a"), twinExpected: true, now: start)
    _ = merger.receive(delete(.irc, id: "b"), twinExpected: true, now: start + .milliseconds(10))
    _ = merger.receive(ban(.irc), twinExpected: true, now: start + .milliseconds(20))
    #expect(merger.expire(now: start + .seconds(3)) == [delete(.irc, id: "a"), delete(.irc, id: "b"), ban(.irc)])
  }
}
