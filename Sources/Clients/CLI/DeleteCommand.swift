import ArgumentParser
import WardenProtocol

/// `warden delete <message-id>`.
struct DeleteCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "delete", abstract: "Delete one chat message by its id (as `warden tail` shows it).")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "The message's id.")
  var messageID: String

  func call() throws -> CommandCall {
    guard let id = messageID.nonBlank else { throw ValidationError("the message id is empty") }
    return try CommandCall(CommandName.modDelete, ModDeleteArgs(channel: try channel.login(), messageID: id))
  }
}
