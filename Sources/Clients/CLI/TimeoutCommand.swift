import ArgumentParser
import WardenProtocol

/// `warden timeout <user> <duration> [--reason R]`.
struct TimeoutCommand: GatewayCommand {
  typealias Result = ModActionResult

  static let configuration = CommandConfiguration(
    commandName: "timeout", abstract: "Time a user out: no chatting for a while (1s to 2w).",
    discussion: "Durations: 30s, 10m, 1h30m, 2d, 1w; a plain number is seconds.")

  /// Twitch's limits for a timeout, in seconds.
  static let limits = 1...1_209_600

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "The user's login, with or without '@'.")
  var user: String

  @Argument(help: "How long, e.g. 10m or 1h30m.")
  var duration: String

  @Option(help: "Why; shown to the user and kept by Twitch.")
  var reason: String?

  func call() throws -> CommandCall {
    let seconds = try Self.seconds(duration)
    let args = ModUserArgs(
      channel: try channel.login(), user: try TwitchName.user(user), reason: try Reason.text(reason), durationS: seconds
    )
    return try CommandCall(CommandName.modTimeout, args)
  }

  /// The timeout's length in seconds, within Twitch's limits.
  static func seconds(_ text: String) throws -> Int {
    let seconds: Int
    do {
      seconds = try DurationText.seconds(text)
    } catch {
      throw ValidationError(error.description)
    }
    guard limits.contains(seconds) else {
      throw ValidationError(
        "a timeout lasts from 1s to 2w (1209600 seconds), not \(text); for longer, ban the user")
    }
    return seconds
  }
}
