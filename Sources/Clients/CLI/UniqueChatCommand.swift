import ArgumentParser
import WardenProtocol

/// `warden uniquechat on|off`.
struct UniqueChatCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "uniquechat", abstract: "Unique-chat mode: no message may repeat a recent one.",
    aliases: ["unique-chat"])

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "on or off.")
  var state: Switch

  func call() throws -> CommandCall {
    try CommandCall(
      CommandName.modMode, ModModeArgs(channel: try channel.login(), mode: .uniqueChat, enabled: state.enabled))
  }
}
