import Foundation
import WardenDaemon
import WardenHelix
import WardenProtocol

/// `mod.*` and `chat.send`: one Helix call each, idempotent by request id.
extension TwitchGateway {
  func registerModeration(in router: inout CommandRouter) {
    router.registerMutating(CommandName.modBan, cache: commandCache) { try await self.ban($0, timeout: false) }
    router.registerMutating(CommandName.modTimeout, cache: commandCache) { try await self.ban($0, timeout: true) }
    router.registerMutating(CommandName.modUnban, cache: commandCache) { try await self.unban($0) }
    router.registerMutating(CommandName.modUntimeout, cache: commandCache) { try await self.unban($0) }
    router.registerMutating(CommandName.modWarn, cache: commandCache) { try await self.warn($0) }
    router.registerMutating(CommandName.modDelete, cache: commandCache) { try await self.delete($0) }
    router.registerMutating(CommandName.modClear, cache: commandCache) { try await self.clear($0) }
    router.registerMutating(CommandName.modMode, cache: commandCache) { try await self.mode($0) }
    router.registerMutating(CommandName.modShield, cache: commandCache) { try await self.shield($0) }
    router.registerMutating(CommandName.chatSend, cache: commandCache) { try await self.send($0) }
  }

  private func ban(_ request: CommandRequest, timeout: Bool) async throws -> JSONValue {
    let command = request.cmd
    let args = try CommandArguments.decode(ModUserArgs.self, request)
    let duration = timeout ? try CommandArguments.timeoutDuration(args.durationS, command: command) : nil
    if !timeout, args.durationS != nil {
      throw ProtocolError(.invalidArgs, "\(command): a ban has no duration; use mod.timeout")
    }
    let reason = try CommandArguments.reason(args.reason, command: command, required: false)
    let context = try await moderation(args.channel, command: command)
    let user = try await user(args.user, command: command)
    expectCause(
      .init(kind: timeout ? "timeout" : "ban", channelID: context.channel.id, subject: user.login), id: request.id)
    let ban = try await twitch(command) {
      try await context.helix.banUser(
        broadcasterID: context.channel.id, moderatorID: context.moderatorID, userID: user.id ?? "",
        durationSeconds: duration, reason: reason)
    }
    let endsAt = ban.endTime.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
    return try WireCoding.value(
      ModActionResult(
        action: timeout ? "timeout" : "ban", channel: context.channel, user: user, durationS: duration, reason: reason,
        endsAt: endsAt))
  }

  private func unban(_ request: CommandRequest) async throws -> JSONValue {
    let command = request.cmd
    let args = try CommandArguments.decode(ModUserArgs.self, request)
    let context = try await moderation(args.channel, command: command)
    let user = try await user(args.user, command: command)
    expectCause(.init(kind: "unban", channelID: context.channel.id, subject: user.login), id: request.id)
    try await twitch(command) {
      try await context.helix.unbanUser(
        broadcasterID: context.channel.id, moderatorID: context.moderatorID, userID: user.id ?? "")
    }
    let action = command == CommandName.modUntimeout ? "untimeout" : "unban"
    return try WireCoding.value(ModActionResult(action: action, channel: context.channel, user: user))
  }

  private func warn(_ request: CommandRequest) async throws -> JSONValue {
    let command = request.cmd
    let args = try CommandArguments.decode(ModUserArgs.self, request)
    let reason = try CommandArguments.reason(args.reason, command: command, required: true) ?? ""
    let context = try await moderation(args.channel, command: command)
    let user = try await user(args.user, command: command)
    expectCause(.init(kind: "warn", channelID: context.channel.id, subject: user.login), id: request.id)
    try await twitch(command) {
      try await context.helix.warnUser(
        broadcasterID: context.channel.id, moderatorID: context.moderatorID, userID: user.id ?? "", reason: reason)
    }
    return try WireCoding.value(ModActionResult(action: "warn", channel: context.channel, user: user, reason: reason))
  }

  private func delete(_ request: CommandRequest) async throws -> JSONValue {
    let command = request.cmd
    let args = try CommandArguments.decode(ModDeleteArgs.self, request)
    guard !args.messageID.isEmpty else { throw ProtocolError(.invalidArgs, "\(command): 'message_id' is empty") }
    let context = try await moderation(args.channel, command: command)
    expectCause(.init(kind: "delete", channelID: context.channel.id, subject: args.messageID), id: request.id)
    try await twitch(command) {
      try await context.helix.deleteChatMessages(
        broadcasterID: context.channel.id, moderatorID: context.moderatorID, messageID: args.messageID)
    }
    return try WireCoding.value(ModActionResult(action: "delete", channel: context.channel, messageID: args.messageID))
  }

  private func clear(_ request: CommandRequest) async throws -> JSONValue {
    let args = try CommandArguments.decode(ChannelArgs.self, request)
    let context = try await moderation(args.channel, command: request.cmd)
    expectCause(.init(kind: "clear", channelID: context.channel.id, subject: ""), id: request.id)
    try await twitch(request.cmd) {
      try await context.helix.deleteChatMessages(
        broadcasterID: context.channel.id, moderatorID: context.moderatorID, messageID: nil)
    }
    return try WireCoding.value(ModActionResult(action: "clear", channel: context.channel))
  }

  private func mode(_ request: CommandRequest) async throws -> JSONValue {
    let args = try CommandArguments.decode(ModModeArgs.self, request)
    var patch = ChatSettingsPatch()
    var duration: Int?
    switch args.mode {
    case .slow:
      patch.slowMode = args.enabled
      if args.enabled {
        duration = try CommandArguments.slowWait(args.durationS)
        patch.slowModeWaitTime = duration
      }
    case .followers:
      patch.followerMode = args.enabled
      if args.enabled {
        let minutes = try CommandArguments.followerMinutes(args.durationS)
        patch.followerModeDuration = minutes
        duration = minutes * 60
      }
    case .subs: patch.subscriberMode = args.enabled
    case .emoteOnly: patch.emoteMode = args.enabled
    case .uniqueChat: patch.uniqueChatMode = args.enabled
    }
    let context = try await moderation(args.channel, command: request.cmd)
    let settings = patch
    expectCause(.init(kind: "mode", channelID: context.channel.id, subject: args.mode.rawValue), id: request.id)
    _ = try await twitch(request.cmd) {
      try await context.helix.updateChatSettings(
        broadcasterID: context.channel.id, moderatorID: context.moderatorID, patch: settings)
    }
    return try WireCoding.value(
      ModActionResult(
        action: "mode", channel: context.channel, durationS: duration, mode: args.mode, enabled: args.enabled))
  }

  private func shield(_ request: CommandRequest) async throws -> JSONValue {
    let args = try CommandArguments.decode(ModShieldArgs.self, request)
    let context = try await moderation(args.channel, command: request.cmd)
    _ = try await twitch(request.cmd) {
      try await context.helix.updateShieldMode(
        broadcasterID: context.channel.id, moderatorID: context.moderatorID, active: args.enabled)
    }
    return try WireCoding.value(ModActionResult(action: "shield", channel: context.channel, enabled: args.enabled))
  }

  private func send(_ request: CommandRequest) async throws -> JSONValue {
    let args = try CommandArguments.decode(ChatSendArgs.self, request)
    let text = args.text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty, text.count <= 500 else {
      throw ProtocolError(.invalidArgs, "chat.send: 'text' must have 1 to 500 characters")
    }
    let context = try await moderation(args.channel, command: request.cmd)
    let sent = try await twitch(request.cmd) {
      try await context.helix.sendChatMessage(
        broadcasterID: context.channel.id, senderID: context.moderatorID, message: text,
        replyParentMessageID: args.replyTo)
    }
    return try WireCoding.value(
      ChatSendResult(
        channel: context.channel, messageID: sent.messageID, sent: sent.isSent, dropReason: sent.dropReason?.message))
  }
}
