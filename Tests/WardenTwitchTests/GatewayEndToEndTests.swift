import Foundation
import Testing
import TwitchSimCore
import WardenClient
import WardenProtocol
import WardenTestSupport

/// The gateway against twitch-sim: chat and moderation in, commands out.
@Suite(.serialized) struct GatewayEndToEndTests {
  @Test func chatArrivesAsTypedEvents() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    _ = try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "hello chat")
    #expect(await harness.events.waitFor { !$0.of(.chatMessage).isEmpty })
    let message = try #require(harness.events.data(.chatMessage, as: ChatMessageData.self).first)
    #expect(message.text == "hello chat")
    #expect(message.user == TwitchUser(id: harness.viewer.id, login: "alice", displayName: "Alice"))
    #expect(message.channel == TwitchChannel(id: harness.broadcaster.id, login: "pixelpaladin"))
    #expect(message.source == .irc)
    let envelope = try #require(harness.events.of(.chatMessage).first)
    #expect(envelope.channel == "pixelpaladin")
    await harness.stop()
  }

  @Test func aTimeoutCommandReachesTwitchAndComesBackOnceWithItsCause() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    let client = try await harness.client()
    let request = CommandRequest(
      id: "timeout-1", cmd: CommandName.modTimeout,
      args: ["user": "@Alice", "duration_s": 600, "reason": "spam"])
    let reply = try await client.send(request)
    let result = try WireCoding.decode(ModActionResult.self, from: try reply.outcome.get())
    #expect(result.action == "timeout")
    #expect(result.user?.login == "alice")
    #expect(result.durationS == 600)
    #expect(result.endsAt != nil)
    // The same id again: the first reply, and no second call to Twitch.
    let again = try await client.send(request)
    #expect(try again.outcome.get() == (try reply.outcome.get()))
    #expect(harness.world.actions(kind: "timeout").count == 1)
    let action = try #require(harness.world.actions(kind: "timeout").first)
    #expect(action.actorID == harness.bot.id)
    #expect(action.clientID == GatewayHarness.clientID)

    #expect(await harness.events.waitFor { !$0.of(.modTimeout).isEmpty })
    try await Task.sleep(for: .seconds(2))  // past the merge window: a twin would have appeared
    let timeouts = harness.events.of(.modTimeout)
    #expect(timeouts.count == 1)
    let data = try #require(harness.events.data(.modTimeout, as: ModTimeoutData.self).first)
    #expect(data.moderator?.login == "warden_bot")
    #expect(data.source == .both)
    #expect(data.durationS == 600)
    #expect(timeouts.first?.cause == "timeout-1")
    await harness.stop()
  }

  @Test func aHumanModeratorsDeletionIsPublishedOnceWithTheModerator() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    guard
      case .sent(let sent) = try harness.world.sendChat(
        channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "buy followers at example.com")
    else {
      Issue.record("the simulator held the message")
      return
    }
    #expect(await harness.events.waitFor { !$0.of(.chatMessage).isEmpty })
    try harness.world.deleteChat(
      channelID: harness.broadcaster.id, messageID: sent.id, moderatorID: harness.broadcaster.id)
    #expect(await harness.events.waitFor { !$0.of(.chatDelete).isEmpty })
    try await Task.sleep(for: .seconds(2))
    let deletes = harness.events.data(.chatDelete, as: ChatDeleteData.self)
    #expect(deletes.count == 1)
    #expect(deletes.first?.messageID == sent.id)
    #expect(deletes.first?.moderator?.login == "pixelpaladin")
    #expect(deletes.first?.source == .both)
    #expect(deletes.first?.text == "buy followers at example.com")
    await harness.stop()
  }

  @Test func everyModerationCommandReachesTheSimulator() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    let client = try await harness.client()
    _ = try await client.call(CommandName.modBan, args: ["user": "alice", "reason": "bot"])
    _ = try await client.call(CommandName.modUnban, args: ["user": "alice"])
    _ = try await client.call(CommandName.modWarn, args: ["user": "alice", "reason": "be nice"])
    _ = try await client.call(CommandName.modMode, args: ["mode": "slow", "enabled": true, "duration_s": 30])
    _ = try await client.call(CommandName.modMode, args: ["mode": "followers", "enabled": true, "duration_s": 600])
    _ = try await client.call(CommandName.modMode, args: ["mode": "emote_only", "enabled": false])
    _ = try await client.call(CommandName.modShield, args: ["enabled": true])
    _ = try await client.call(CommandName.modClear)
    let sent = try await client.call(
      CommandName.chatSend, args: ["text": "hello from warden"], as: WardenProtocol.ChatSendResult.self)
    #expect(sent.sent)
    #expect(sent.messageID != nil)
    let kinds = harness.world.actions().map(\.kind)
    for kind in ["ban", "unban", "warn", "chat_settings", "shield_mode", "clear_chat", "send_message"] {
      #expect(kinds.contains(kind), "no \(kind) in \(kinds)")
    }
    #expect(await harness.events.waitFor { $0.of(.modWarn).count == 1 && $0.of(.modUnban).count == 1 })
    #expect(await harness.events.waitFor { $0.of(.modMode).count >= 2 })
    let modes = harness.events.data(.modMode, as: ModModeData.self)
    #expect(modes.contains { $0.mode == .slow && $0.enabled && $0.durationS == 30 })
    #expect(modes.contains { $0.mode == .followers && $0.enabled && $0.durationS == 600 })
    await harness.stop()
  }

  @Test func twitchsRefusalsAreClearErrors() async throws {
    let harness = try await GatewayHarness.start()
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady())
    let client = try await harness.client()
    func error(_ command: String, _ args: [String: JSONValue]) async -> ProtocolError? {
      do {
        _ = try await client.call(command, args: args)
        return nil
      } catch {
        return error.protocolError
      }
    }
    let missing = await error(CommandName.modBan, ["user": "nobody_here"])
    #expect(missing?.code == .notFound)
    #expect(missing?.message.contains("nobody_here") == true)
    _ = try await client.call(CommandName.modBan, args: ["user": "alice"])
    let twice = await error(CommandName.modBan, ["user": "alice"])
    #expect(twice?.code == .twitchError)
    #expect(twice?.message.contains("already banned") == true)
    let broadcaster = await error(CommandName.modBan, ["user": "pixelpaladin"])
    #expect(broadcaster?.message.contains("may not be banned") == true)
    #expect(await error(CommandName.modTimeout, ["user": "alice", "duration_s": 0])?.code == .invalidArgs)
    #expect(await error(CommandName.modTimeout, ["user": "alice"])?.code == .invalidArgs)
    #expect(await error(CommandName.modWarn, ["user": "alice"])?.code == .invalidArgs)
    #expect(await error(CommandName.modMode, ["mode": "loud", "enabled": true])?.code == .invalidArgs)
    #expect(await error(CommandName.modBan, ["user": "alice", "channel": "not a channel"])?.code == .invalidArgs)
    await harness.stop()
  }

  @Test func withoutALoginChatFlowsAndModerationSaysWhy() async throws {
    let harness = try await GatewayHarness.start(loggedIn: false)
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady(eventSub: false))
    _ = try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "anon?")
    #expect(await harness.events.waitFor { !$0.of(.chatMessage).isEmpty })
    let client = try await harness.client()
    let auth = try await client.call(CommandName.authStatus, as: AuthStatusResult.self)
    #expect(auth.state == .anonymous)
    do {
      _ = try await client.call(CommandName.modBan, args: ["user": "alice"])
      Issue.record("a ban without a login succeeded")
    } catch {
      #expect(error.protocolError?.code == .unauthenticated)
      #expect(error.protocolError?.message.contains("warden login") == true)
    }
    #expect(harness.world.actions(kind: "ban").isEmpty)
    await harness.stop()
  }

  @Test func channelsCanBeJoinedAndPartedAtRuntime() async throws {
    let harness = try await GatewayHarness.start(loggedIn: false)
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady(eventSub: false))
    let other = try harness.world.createUser(login: "speedrun_sam")
    _ = try harness.world.openChannel(broadcasterID: other.id)
    let client = try await harness.client()
    let joined = try await client.call(
      CommandName.channelsJoin, args: ["channels": ["#SpeedRun_Sam"]], as: ChannelsResult.self)
    #expect(joined.channels.map(\.login) == ["pixelpaladin", "speedrun_sam"])
    #expect(
      await eventually(10) {
        let list = try? await client.call(CommandName.channelsList, as: ChannelsResult.self)
        return list?.channels.allSatisfy(\.joined) == true
      })
    _ = try harness.world.sendChat(channelID: other.id, userID: harness.viewer.id, text: "over here")
    #expect(await harness.events.waitFor { $0.of(.chatMessage).contains { $0.channel == "speedrun_sam" } })
    let parted = try await client.call(
      CommandName.channelsPart, args: ["channels": ["speedrun_sam"]], as: ChannelsResult.self)
    #expect(parted.channels.map(\.login) == ["pixelpaladin"])
    await harness.stop()
  }

  @Test func ircOverPlainTCPWorksToo() async throws {
    let harness = try await GatewayHarness.start(loggedIn: false, ircTCP: true)
    defer { Task { await harness.stop() } }
    #expect(try await harness.waitUntilReady(eventSub: false))
    _ = try harness.world.sendChat(channelID: harness.broadcaster.id, userID: harness.viewer.id, text: "tcp")
    #expect(await harness.events.waitFor { $0.of(.chatMessage).count == 1 })
    await harness.stop()
  }
}
