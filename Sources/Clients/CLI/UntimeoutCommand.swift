import ArgumentParser
import WardenProtocol

/// `warden untimeout <user>`.
struct UntimeoutCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(commandName: "untimeout", abstract: "End a user's timeout early.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "The user's login, with or without '@'.")
  var user: String

  func call() throws -> CommandCall {
    try CommandCall(
      CommandName.modUntimeout, ModUserArgs(channel: try channel.login(), user: try TwitchName.user(user)))
  }
}
