import ArgumentParser
import WardenProtocol

/// `warden clear`.
struct ClearCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "clear", abstract: "Clear the chat: delete every message shown so far.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  func call() throws -> CommandCall {
    try CommandCall(CommandName.modClear, ChannelArgs(channel: try channel.login()))
  }
}
