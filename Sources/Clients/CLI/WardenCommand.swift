import ArgumentParser
import WardenProtocol

/// `warden`: the moderator's command line.
public struct WardenCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "warden",
    abstract: "Talk to a running wardend: status, live events, any command.",
    discussion: """
      Exit codes: 0 success, 1 the command failed, 3 no wardend is running, 64 bad usage.
      """,
    version: WardenVersion.release,
    subcommands: [StatusCommand.self, TailCommand.self, SendCommand.self])

  public init() {}
}

/// Where to find the daemon; shared by every subcommand.
struct ConnectionOptions: ParsableArguments {
  @Option(
    name: .customLong("runtime-dir"),
    help:
      "wardend's runtime directory (default: $WARDEN_RUNTIME_DIR, else $XDG_RUNTIME_DIR/warden, else /tmp/warden-$UID)."
  )
  var runtimeDirectory: String?

  @Option(help: "Seconds to wait for each answer.")
  var timeout: Double = 3

  func paths(environment: [String: String], uid: UInt32) -> RuntimePaths {
    RuntimePaths.resolve(explicit: runtimeDirectory, environment: environment, uid: uid)
  }

  func validate() throws {
    guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
  }
}

extension WardenCommand {
  /// Parses `arguments`, runs the chosen subcommand and exits as it says.
  public static func run(arguments: [String]) async {
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }
}
