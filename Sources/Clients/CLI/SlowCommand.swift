import ArgumentParser
import WardenProtocol

/// `warden slow <duration|on|off>`.
struct SlowCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "slow", abstract: "Slow mode: users wait between their messages (3s to 2m; on = 30s).",
    discussion: "Examples: warden slow 30s; warden slow on; warden slow off")

  /// Twitch's limits for the wait, in seconds, and the wait `on` asks for.
  static let limits = 3...120
  static let defaultSeconds = 30

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "The wait between a user's messages, on (30s) or off.")
  var setting: String

  func call() throws -> CommandCall {
    let setting = try ModeSetting.parse(
      setting, defaultSeconds: Self.defaultSeconds, limits: Self.limits, limitsText: "slow mode's wait is 3s to 2m")
    let args = ModModeArgs(
      channel: try channel.login(), mode: .slow, enabled: setting.enabled, durationS: setting.seconds)
    return try CommandCall(CommandName.modMode, args)
  }
}
