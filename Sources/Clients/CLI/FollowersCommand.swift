import ArgumentParser
import WardenProtocol

/// `warden followers <duration|on|off>`.
struct FollowersCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "followers",
    abstract: "Followers-only mode: only users who followed for a while may chat (0 to 90d; on = any follower).",
    discussion: "Examples: warden followers 10m; warden followers on; warden followers off")

  /// Twitch's limits for the follow time, in seconds (it counts whole minutes).
  static let limits = 0...7_776_000

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "How long users must have followed, on (any follower) or off.")
  var setting: String

  func call() throws -> CommandCall {
    let setting = try ModeSetting.parse(
      setting, defaultSeconds: 0, limits: Self.limits, limitsText: "followers-only mode's follow time is 0s to 90d")
    let args = ModModeArgs(
      channel: try channel.login(), mode: .followers, enabled: setting.enabled, durationS: setting.seconds)
    return try CommandCall(CommandName.modMode, args)
  }
}
