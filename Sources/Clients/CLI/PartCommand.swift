import ArgumentParser
import WardenProtocol

/// `warden part <channel…>`.
struct PartCommand: GatewayCommand {
  static let configuration = CommandConfiguration(
    commandName: "part", abstract: "Stop watching channels: leave their chat and drop their events.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "Channel logins, with or without '#'.")
  var channels: [String] = []

  func call() throws -> CommandCall {
    try CommandCall(CommandName.channelsPart, ChannelsArgs(channels: try TwitchName.channels(channels)))
  }

  func lines(for result: ChannelsResult, style: Style) -> [String] {
    let names = (try? TwitchName.channels(channels)) ?? []
    return ["Stopped watching " + ChannelsFormatter.list(names)] + ChannelsFormatter.lines(result, style: style)
  }
}
