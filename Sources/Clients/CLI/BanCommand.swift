import ArgumentParser
import WardenProtocol

/// `warden ban <user> [--reason R]`.
struct BanCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(commandName: "ban", abstract: "Ban a user from the channel.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "The user's login, with or without '@'.")
  var user: String

  @Option(help: "Why; shown to the user and kept by Twitch.")
  var reason: String?

  func call() throws -> CommandCall {
    let args = ModUserArgs(
      channel: try channel.login(), user: try TwitchName.user(user), reason: try Reason.text(reason))
    return try CommandCall(CommandName.modBan, args)
  }
}
