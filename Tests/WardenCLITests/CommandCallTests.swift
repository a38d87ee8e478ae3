import ArgumentParser
import Testing
import WardenCLI
import WardenProtocol

/// The mapping from a command line to the request it sends, and the command lines refused
/// before anything is sent.
@Suite struct CommandCallTests {
  @Test(
    arguments: [
      (["ban", "@Bob"], "mod.ban", ["user": "bob"]),
      (
        ["ban", "bob", "--reason", "spam links", "--channel", "#PixelPaladin"], "mod.ban",
        ["user": "bob", "reason": "spam links", "channel": "pixelpaladin"]
      ),
      (["ban", "bob", "--reason", "  "], "mod.ban", ["user": "bob"]),
      (["unban", "Bob"], "mod.unban", ["user": "bob"]),
      (
        ["timeout", "@Alice", "10m", "--reason", "spam"], "mod.timeout",
        ["user": "alice", "duration_s": 600, "reason": "spam"]
      ),
      (["timeout", "alice", "90"], "mod.timeout", ["user": "alice", "duration_s": 90]),
      (["timeout", "alice", "1h30m"], "mod.timeout", ["user": "alice", "duration_s": 5400]),
      (["timeout", "alice", "2w"], "mod.timeout", ["user": "alice", "duration_s": 1_209_600]),
      (["untimeout", "alice", "--channel", "c"], "mod.untimeout", ["user": "alice", "channel": "c"]),
      (
        ["warn", "alice", "please", "stop", "posting", "links"], "mod.warn",
        ["user": "alice", "reason": "please stop posting links"]
      ),
      (
        ["delete", "885196de-cb67-427a-baa8-82f9b0fcd05f"], "mod.delete",
        ["message_id": "885196de-cb67-427a-baa8-82f9b0fcd05f"]
      ),
      (["clear"], "mod.clear", [:]),
      (["clear", "--channel", "#Other"], "mod.clear", ["channel": "other"]),
      (["slow", "30s"], "mod.mode", ["mode": "slow", "enabled": true, "duration_s": 30]),
      (["slow", "on"], "mod.mode", ["mode": "slow", "enabled": true, "duration_s": 30]),
      (["slow", "2m"], "mod.mode", ["mode": "slow", "enabled": true, "duration_s": 120]),
      (["slow", "off"], "mod.mode", ["mode": "slow", "enabled": false]),
      (["followers", "on"], "mod.mode", ["mode": "followers", "enabled": true, "duration_s": 0]),
      (["followers", "10m"], "mod.mode", ["mode": "followers", "enabled": true, "duration_s": 600]),
      (["followers", "OFF"], "mod.mode", ["mode": "followers", "enabled": false]),
      (["subs", "on"], "mod.mode", ["mode": "subs", "enabled": true]),
      (["emoteonly", "off"], "mod.mode", ["mode": "emote_only", "enabled": false]),
      (["emote-only", "on"], "mod.mode", ["mode": "emote_only", "enabled": true]),
      (["uniquechat", "on", "--channel", "c"], "mod.mode", ["mode": "unique_chat", "enabled": true, "channel": "c"]),
      (["shield", "on"], "mod.shield", ["enabled": true]),
      (["shield", "off"], "mod.shield", ["enabled": false]),
      (["say", "hello", "chat"], "chat.send", ["text": "hello chat"]),
      (
        ["say", "thanks!", "--reply-to", "abc-1", "--channel", "c"], "chat.send",
        ["text": "thanks!", "reply_to": "abc-1", "channel": "c"]
      ),
      (["join", "#PixelPaladin", "other", "pixelpaladin"], "channels.join", ["channels": ["pixelpaladin", "other"]]),
      (["part", "other"], "channels.part", ["channels": ["other"]]),
      (["channels"], "channels.list", [:]),
      (["login"], "auth.login", [:]),
      (["login", "--code"], "auth.login", ["flow": "code"]),
      (["logout"], "auth.logout", [:]),
      (["auth"], "auth.status", [:]),
      (["ban", "bob", "--json", "--timeout", "10", "--runtime-dir", "/tmp/x"], "mod.ban", ["user": "bob"]),
    ] as [([String], String, [String: JSONValue])])
  func commandLinesBecomeRequests(_ arguments: [String], _ name: String, _ args: [String: JSONValue]) throws {
    #expect(try WardenCommand.call(for: arguments) == CommandCall(name: name, args: args))
  }

  @Test(arguments: [["status"], ["tail"], ["send", "ping"]])
  func subcommandsWithoutAFixedCommand(_ arguments: [String]) throws {
    #expect(try WardenCommand.call(for: arguments) == nil)
  }

  @Test(arguments: [
    (["timeout", "alice", "3w"], "a timeout lasts from 1s to 2w (1209600 seconds), not 3w; for longer, ban the user"),
    (["timeout", "alice", "0"], "a timeout lasts from 1s to 2w"),
    (["timeout", "alice", "10x"], "'10x' is not a duration: 'x' is not a unit"),
    (["timeout", "alice"], "Missing expected argument '<duration>'"),
    (["ban"], "Missing expected argument '<user>'"),
    (["ban", "not a name"], "'not a name' is not a Twitch user login"),
    (["ban", "@"], "the user name is empty"),
    (["ban", "bob", "--channel", "#"], "the channel name is empty"),
    (["ban", "bob", "--reason", String(repeating: "x", count: 501)], "the reason has 501 characters"),
    (["warn", "alice"], "a warning needs a reason: warden warn alice <reason…>"),
    (["slow", "5m"], "slow mode's wait is 3s to 2m, not 5m"),
    (["slow", "1"], "slow mode's wait is 3s to 2m, not 1"),
    (["slow", "fast"], "'fast' is not on, off or a duration: 'f' is not a unit"),
    (["followers", "91d"], "followers-only mode's follow time is 0s to 90d, not 91d"),
    (["subs", "maybe"], "'maybe'"),
    (["shield"], "Missing expected argument '<state>'"),
    (["say"], "the message is empty"),
    (["say", String(repeating: "a", count: 501)], "the message has 501 characters; Twitch takes at most 500"),
    (["join"], "name at least one channel"),
    (["part", "#a b"], "'#a b' is not a Twitch channel login"),
    (["delete", " "], "the message id is empty"),
    (["clear", "extra"], "Unexpected argument 'extra'"),
    (["ban", "bob", "--timeout", "0"], "--timeout must be between 0 and 3600 seconds"),
  ])
  func badUsageIsRefusedWithExitCode64(_ arguments: [String], _ message: String) {
    let error = #expect(throws: (any Error).self) { try WardenCommand.call(for: arguments) }
    guard let error else { return }
    #expect(WardenCommand.exitCode(for: error) == ExitCode(64), "\(arguments)")
    #expect(WardenCommand.message(for: error).contains(message), "\(WardenCommand.message(for: error))")
  }

  @Test func everyCommandLineRunsThroughTheExitCodes() async {
    let transcript = Transcript()
    #expect(await WardenCommand.run(arguments: ["timeout", "alice", "3w"], transcript: transcript) == 64)
    #expect(transcript.standardOutput.isEmpty)
    #expect(transcript.standardError.joined().contains("not 3w; for longer, ban the user"))
    #expect(transcript.standardError.joined().contains("Usage: warden timeout"))

    let help = Transcript()
    #expect(await WardenCommand.run(arguments: ["slow", "--help"], transcript: help) == 0)
    #expect(help.standardOutput.joined().contains("USAGE: warden slow [--runtime-dir <runtime-dir>]"))
    #expect(help.standardError.isEmpty)
  }
}
