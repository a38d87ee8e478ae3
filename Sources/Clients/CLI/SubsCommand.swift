import ArgumentParser
import WardenProtocol

/// `warden subs on|off`.
struct SubsCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "subs", abstract: "Subscribers-only mode: only subscribers may chat.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "on or off.")
  var state: Switch

  func call() throws -> CommandCall {
    try CommandCall(CommandName.modMode, ModModeArgs(channel: try channel.login(), mode: .subs, enabled: state.enabled))
  }
}
