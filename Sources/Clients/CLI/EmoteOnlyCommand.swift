import ArgumentParser
import WardenProtocol

/// `warden emoteonly on|off`.
struct EmoteOnlyCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "emoteonly", abstract: "Emote-only mode: messages may hold only emotes.", aliases: ["emote-only"])

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "on or off.")
  var state: Switch

  func call() throws -> CommandCall {
    try CommandCall(
      CommandName.modMode, ModModeArgs(channel: try channel.login(), mode: .emoteOnly, enabled: state.enabled))
  }
}
