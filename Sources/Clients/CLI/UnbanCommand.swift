import ArgumentParser
import WardenProtocol

/// `warden unban <user>`.
struct UnbanCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(commandName: "unban", abstract: "Lift a user's ban.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "The user's login, with or without '@'.")
  var user: String

  func call() throws -> CommandCall {
    try CommandCall(CommandName.modUnban, ModUserArgs(channel: try channel.login(), user: try TwitchName.user(user)))
  }
}
