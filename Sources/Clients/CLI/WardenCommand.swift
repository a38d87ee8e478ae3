import ArgumentParser
import Foundation
import WardenProtocol

/// `warden`: the moderator's command line.
public struct WardenCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "warden",
    abstract: "Talk to a running wardend: status, live events, moderation, any command.",
    discussion: """
      Moderation commands act in the only channel watched unless --channel names one; users may \
      be written with '@', channels with '#'. --json prints the daemon's result as one line.

      Exit codes: 0 success, 1 the command failed, 3 no wardend is running, 64 bad usage.
      """,
    version: WardenVersion.release,
    subcommands: [StatusCommand.self, TailCommand.self, SendCommand.self],
    groupedSubcommands: [
      CommandGroup(
        name: "Moderation",
        subcommands: [
          BanCommand.self, UnbanCommand.self, TimeoutCommand.self, UntimeoutCommand.self, WarnCommand.self,
          DeleteCommand.self, ClearCommand.self,
        ]),
      CommandGroup(
        name: "Chat settings",
        subcommands: [
          SlowCommand.self, FollowersCommand.self, SubsCommand.self, EmoteOnlyCommand.self, UniqueChatCommand.self,
          ShieldCommand.self,
        ]),
      CommandGroup(
        name: "Chat and channels",
        subcommands: [SayCommand.self, ChannelsCommand.self, JoinCommand.self, PartCommand.self]),
      CommandGroup(name: "Twitch account", subcommands: [LoginCommand.self, LogoutCommand.self, AuthCommand.self]),
    ])

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
    Foundation.exit(await status(for: arguments))
  }

  /// Runs `arguments` as `run(arguments:)` does, but collects what it writes in `transcript`
  /// and returns the exit status instead of exiting.
  public static func run(arguments: [String], transcript: Transcript) async -> Int32 {
    await CLIRuntime.$transcript.withValue(transcript) { await status(for: arguments) }
  }

  /// Runs `arguments` and returns the exit status; bad usage and `--help` print the parser's
  /// message, as `exit(withError:)` would.
  private static func status(for arguments: [String]) async -> Int32 {
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return 0
    } catch {
      let code = exitCode(for: error).rawValue
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == 0 { CLIRuntime.emit(message) } else { CLIRuntime.writeError(message) }
      }
      return code
    }
  }
}
