import ArgumentParser
import Foundation
import WardenClient
import WardenProtocol
import WardenZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

/// What the subcommands share: the environment, output, and turning failures into messages
/// and exit codes.
enum CLIRuntime {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }
  static var uid: UInt32 { geteuid() }

  static func printError(_ message: String) {
    FileHandle.standardError.write(Data(("warden: " + message + "\n").utf8))
  }

  /// Writes a line to standard output right away (tail output is read live through pipes).
  static func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  /// The exit for a client failure: 3 when no daemon runs, 1 otherwise.
  static func exit(for error: any Error) -> ExitCode {
    printError("\(error)")
    if let error = error as? ClientError, error.kind == .notRunning { return ExitCode(3) }
    return .failure
  }

  /// Runs `body` with a command client for the daemon of `options`.
  static func withClient<T>(
    _ options: ConnectionOptions, _ body: (CommandClient, ZMQContext) async throws -> T
  ) async throws -> T {
    let context = try ZMQContext()
    let client = try await CommandClient.connect(
      paths: options.paths(environment: environment, uid: uid), context: context,
      timeout: .milliseconds(Int(options.timeout * 1000)), retries: 0)
    do {
      let result = try await body(client, context)
      await client.close()
      return result
    } catch {
      await client.close()
      throw error
    }
  }
}
