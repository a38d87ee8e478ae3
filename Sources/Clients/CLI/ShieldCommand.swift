import ArgumentParser
import WardenProtocol

/// `warden shield on|off`.
struct ShieldCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "shield", abstract: "Shield mode: the channel's strictest settings at once, for a raid of abuse.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "on or off.")
  var state: Switch

  func call() throws -> CommandCall {
    try CommandCall(CommandName.modShield, ModShieldArgs(channel: try channel.login(), enabled: state.enabled))
  }
}
