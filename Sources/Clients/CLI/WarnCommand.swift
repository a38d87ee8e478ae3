import ArgumentParser
import WardenProtocol

/// `warden warn <user> <reason…>`.
struct WarnCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "warn", abstract: "Warn a user; they must acknowledge the warning before chatting again.",
    discussion: "Example: warden warn alice please stop posting links")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "The user's login, with or without '@'.")
  var user: String

  @Argument(help: "Why (required); the rest of the words.")
  var reason: [String] = []

  func call() throws -> CommandCall {
    let user = try TwitchName.user(user)
    guard let reason = try Reason.text(reason.joined(separator: " ")) else {
      throw ValidationError("a warning needs a reason: warden warn \(user) <reason…>")
    }
    return try CommandCall(CommandName.modWarn, ModUserArgs(channel: try channel.login(), user: user, reason: reason))
  }
}
