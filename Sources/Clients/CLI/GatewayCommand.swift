import ArgumentParser
import WardenProtocol

/// A subcommand that sends one command to the Twitch gateway and reports its result: one
/// readable line per action, or the result's JSON with `--json`.
protocol GatewayCommand: CallingCommand {
  associatedtype Result: Decodable
  var connection: ConnectionOptions { get }
  var output: OutputOptions { get }
  /// The readable report of a successful result.
  func lines(for result: Result, style: Style) -> [String]
  /// Why the command failed although the daemon answered `ok` (a chat message Twitch dropped).
  func failure(in result: Result) -> String?
}

extension GatewayCommand {
  func failure(in result: Result) -> String? { nil }

  func run() async throws {
    let call = try call()
    let value = try await CLIRuntime.perform(call, connection)
    let result = try? WireCoding.decode(Result.self, from: value)
    if output.json {
      CLIRuntime.emit(String(decoding: value.jsonBytes, as: UTF8.self))
    } else if let result {
      let style = CLIRuntime.style
      for line in lines(for: result, style: style) { CLIRuntime.emit(line) }
    } else {
      CLIRuntime.printError("\(call.name): unexpected result \(String(decoding: value.jsonBytes, as: UTF8.self))")
      throw ExitCode.failure
    }
    if let result, let failure = failure(in: result) {
      CLIRuntime.printError(failure)
      throw ExitCode.failure
    }
  }
}

/// `--channel`, for the commands aimed at one channel.
struct ChannelOption: ParsableArguments {
  @Option(
    name: .customLong("channel"),
    help: "The channel, with or without '#' (default: the only channel watched).")
  var name: String?

  /// The channel's login, if one was given.
  func login() throws -> String? {
    try name.map(TwitchName.channel)
  }
}

/// `--json`, for every gateway command.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print the command's result as one line of JSON.")
  var json = false
}

extension GatewayCommand where Result == ModActionResult {
  func lines(for result: ModActionResult, style: Style) -> [String] {
    [ModerationFormatter.line(for: result)]
  }
}
