import ArgumentParser
import WardenProtocol

/// `warden join <channel…>`.
struct JoinCommand: GatewayCommand {
  static let configuration = CommandConfiguration(
    commandName: "join", abstract: "Watch more channels: join their chat and subscribe to their events.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "Channel logins, with or without '#'.")
  var channels: [String] = []

  func call() throws -> CommandCall {
    try CommandCall(CommandName.channelsJoin, ChannelsArgs(channels: try TwitchName.channels(channels)))
  }

  func lines(for result: ChannelsResult, style: Style) -> [String] {
    let names = (try? TwitchName.channels(channels)) ?? []
    return ["Watching " + ChannelsFormatter.list(names)] + ChannelsFormatter.lines(result, style: style)
  }
}
