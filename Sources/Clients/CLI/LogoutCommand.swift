import ArgumentParser
import WardenProtocol

/// `warden logout`.
struct LogoutCommand: GatewayCommand {
  static let configuration = CommandConfiguration(
    commandName: "logout",
    abstract: "Revoke and forget wardend's Twitch token; chat continues anonymously, moderation stops.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func call() throws -> CommandCall {
    CommandCall(name: CommandName.authLogout)
  }

  /// "Logged out.", then the auth status when the daemon returns one.
  func lines(for result: JSONValue, style: Style) -> [String] {
    guard let auth = try? WireCoding.decode(AuthStatusResult.self, from: result) else { return ["Logged out."] }
    return ["Logged out."] + AuthFormatter.lines(auth, nowMS: CLIRuntime.nowMS, style: style)
  }
}
