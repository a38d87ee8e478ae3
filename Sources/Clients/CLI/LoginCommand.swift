import ArgumentParser
import WardenClient
import WardenProtocol

/// `warden login [--code]`: authorize a moderator account, then wait for the daemon to finish.
struct LoginCommand: CallingCommand {
  static let configuration = CommandConfiguration(
    commandName: "login", abstract: "Authorize Warden with a Twitch moderator account.",
    discussion: """
      Prints a page to open and, for the device flow, a code to enter there; then waits until \
      wardend has the token (or the offer expires). Ctrl-C stops waiting; wardend finishes the \
      login on its own. --code uses the browser redirect flow instead (needs twitch.client_secret).

      With --json: the offer as one JSON line, then the final auth status as one JSON line.
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Flag(name: .customLong("code"), help: "Use the authorization code flow (a redirect to wardend).")
  var codeFlow = false

  @Flag(name: .customLong("no-wait"), help: "Print the offer and return without waiting.")
  var noWait = false

  func call() throws -> CommandCall {
    try CommandCall(CommandName.authLogin, AuthLoginArgs(flow: codeFlow ? .code : nil))
  }

  func run() async throws {
    let value = try await CLIRuntime.perform(try call(), connection)
    let style = CLIRuntime.style
    if output.json {
      CLIRuntime.emit(String(decoding: value.jsonBytes, as: UTF8.self))
    } else if let offer = try? WireCoding.decode(AuthLoginResult.self, from: value) {
      for line in AuthFormatter.offer(offer, nowMS: CLIRuntime.nowMS, style: style) { CLIRuntime.emit(line) }
    } else {
      CLIRuntime.printError("auth.login: unexpected result \(String(decoding: value.jsonBytes, as: UTF8.self))")
      throw ExitCode.failure
    }
    guard !noWait else { return }
    let outcome: LoginWatch.Outcome
    do {
      outcome = try await CLIRuntime.withClient(connection, retries: 2) { client, _ in try await Self.watch(client) }
    } catch {
      throw CLIRuntime.exit(for: error)
    }
    switch outcome {
    case .loggedIn(let status):
      if output.json {
        CLIRuntime.emit(String(decoding: try WireCoding.encode(status), as: UTF8.self))
      } else {
        CLIRuntime.emit(style.paint(AuthFormatter.loggedIn(status), .green))
      }
    case .failed(let message):
      CLIRuntime.printError(message)
      throw ExitCode.failure
    case .waiting:
      break
    }
  }

  /// Asks for `auth.status` once a second until the login ends.
  private static func watch(_ client: CommandClient) async throws -> LoginWatch.Outcome {
    while true {
      try await Task.sleep(for: .seconds(1))
      let status = try await client.call(CommandName.authStatus, as: AuthStatusResult.self)
      let outcome = LoginWatch.step(status, nowMS: CLIRuntime.nowMS)
      if outcome != .waiting { return outcome }
    }
  }
}
