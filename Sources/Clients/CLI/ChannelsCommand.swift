import ArgumentParser
import WardenProtocol

/// `warden channels`.
struct ChannelsCommand: GatewayCommand {
  static let configuration = CommandConfiguration(
    commandName: "channels", abstract: "List the channels watched, and whether their chat is joined.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func call() throws -> CommandCall {
    CommandCall(name: CommandName.channelsList)
  }

  func lines(for result: ChannelsResult, style: Style) -> [String] {
    ChannelsFormatter.lines(result, style: style)
  }
}
