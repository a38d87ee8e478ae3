import ArgumentParser

/// `warden-bench`: Warden's benchmarks, run together by default (`run`).
@main
struct WardenBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "warden-bench",
    abstract: "Measure Warden's event bus, command round trip, start-up and memory.",
    subcommands: [RunCommand.self, SubCountCommand.self],
    defaultSubcommand: RunCommand.self)
}
