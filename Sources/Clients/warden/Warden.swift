import WardenCLI

@main
enum WardenMain {
  static func main() async {
    await WardenCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
  }
}
