import ArgumentParser
import Foundation
import WardenClient
import WardenProtocol

/// `warden send <cmd> [json-args]`: any command, for scripts.
struct SendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "send",
    abstract: "Send any command with JSON arguments and print its result as JSON.",
    discussion: """
      Example: warden send events.since '{"stream":"mod","after":0}'
      The result goes to standard output; an error reply goes to standard error as
      '<code>: <message>' with exit code 1. --reply prints the whole reply instead.
      """)

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The command name, e.g. ping, status, snapshot, events.since.")
  var command: String

  @Argument(help: "Arguments as one JSON object (default {}).")
  var arguments: String = "{}"

  @Flag(name: .customLong("reply"), help: "Print the whole reply envelope, ok or not.")
  var wholeReply = false

  func validate() throws {
    _ = try parsedArguments()
  }

  private func parsedArguments() throws -> [String: JSONValue] {
    let value: JSONValue
    do {
      value = try RequestDecoder.parseJSON(Array(arguments.utf8))
    } catch {
      throw ValidationError("the arguments are not valid JSON: \(error.message)")
    }
    guard let object = value.objectValue else {
      throw ValidationError(
        "the arguments must be one JSON object, like '{\"stream\":\"mod\"}', not \(value.kindPhrase)")
    }
    return object
  }

  func run() async throws {
    let args = try parsedArguments()
    let reply: CommandReply
    do {
      reply = try await CLIRuntime.withClient(connection) { client, _ in
        try await client.send(CommandRequest(id: client.nextID(), cmd: command, args: args))
      }
    } catch {
      throw CLIRuntime.exit(for: error)
    }
    if wholeReply {
      CLIRuntime.emit(String(decoding: reply.encoded(), as: UTF8.self))
      if !reply.ok { throw ExitCode.failure }
      return
    }
    switch reply.outcome {
    case .success(let result):
      CLIRuntime.emit(String(decoding: result.jsonBytes, as: UTF8.self))
    case .failure(let error):
      CLIRuntime.printError("\(error.code): \(error.message)")
      throw ExitCode.failure
    }
  }
}
