import ArgumentParser
import WardenClient
import WardenProtocol

/// `warden status`: is the daemon up, and how is it doing.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show whether wardend runs, its versions, uptime, subscribers and counters.")

  @OptionGroup var connection: ConnectionOptions

  @Flag(help: "Print the status result as JSON.")
  var json = false

  func run() async throws {
    do {
      let status = try await CLIRuntime.withClient(connection) { client, _ in
        try await client.call(CommandName.status, as: StatusResult.self)
      }
      if json {
        CLIRuntime.emit(String(decoding: try WireCoding.encode(status), as: UTF8.self))
      } else {
        let style = CLIRuntime.style
        StatusFormatter.lines(status, style: style).forEach(CLIRuntime.emit)
      }
    } catch {
      throw CLIRuntime.exit(for: error)
    }
  }
}
