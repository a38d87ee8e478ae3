import ArgumentParser
import WardenProtocol

/// `warden auth`.
struct AuthCommand: GatewayCommand {
  static let configuration = CommandConfiguration(
    commandName: "auth", abstract: "Show whether wardend is logged in to Twitch, as whom, and with which scopes.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func call() throws -> CommandCall {
    CommandCall(name: CommandName.authStatus)
  }

  func lines(for result: AuthStatusResult, style: Style) -> [String] {
    AuthFormatter.lines(result, nowMS: CLIRuntime.nowMS, style: style)
  }
}
