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
  /// The local clock, ms since the epoch.
  static var nowMS: Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

  /// Where a test collects the output instead; `nil` writes to the standard streams.
  @TaskLocal static var transcript: Transcript?

  /// Styling for standard output; none when a transcript collects it.
  static var style: Style {
    transcript == nil ? Style.forStandardOutput(environment: environment) : Style(enabled: false)
  }

  /// `warden: <message>` on standard error.
  static func printError(_ message: String) {
    writeError("warden: " + message)
  }

  /// Writes text as it is to standard error.
  static func writeError(_ text: String) {
    if let transcript {
      transcript.error(text)
    } else {
      FileHandle.standardError.write(Data((text + "\n").utf8))
    }
  }

  /// Writes a line to standard output right away (tail output is read live through pipes).
  static func emit(_ line: String) {
    if let transcript {
      transcript.output(line)
    } else {
      FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
  }

  /// The exit for a client failure: 3 when no daemon runs, 1 otherwise.
  static func exit(for error: any Error) -> ExitCode {
    printError("\(error)")
    if let error = error as? ClientError, error.kind == .notRunning { return ExitCode(3) }
    return .failure
  }

  /// Runs `body` with a command client for the daemon of `options`. `retries` resend a request
  /// that got no answer in time, with the same id, so that the daemon acts on it once.
  static func withClient<T>(
    _ options: ConnectionOptions, retries: Int = 0, _ body: (CommandClient, ZMQContext) async throws -> T
  ) async throws -> T {
    let context = try ZMQContext()
    let client = try await CommandClient.connect(
      paths: options.paths(environment: environment, uid: uid), context: context,
      timeout: .milliseconds(Int(options.timeout * 1000)), retries: retries)
    do {
      let result = try await body(client, context)
      await client.close()
      return result
    } catch {
      await client.close()
      throw error
    }
  }

  /// Sends `call` and returns its result. A refusal prints the daemon's message and exits 1;
  /// no daemon exits 3.
  static func perform(_ call: CommandCall, _ options: ConnectionOptions) async throws -> JSONValue {
    let reply: CommandReply
    do {
      reply = try await withClient(options, retries: 2) { client, _ in
        try await client.send(CommandRequest(id: client.nextID(), cmd: call.name, args: call.args))
      }
    } catch {
      throw exit(for: error)
    }
    switch reply.outcome {
    case .success(let result):
      return result
    case .failure(let error):
      printError(error.message.isEmpty ? "\(call.name) failed: \(error.code)" : error.message)
      throw ExitCode.failure
    }
  }
}
