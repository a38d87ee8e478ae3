import ArgumentParser

/// A subcommand whose arguments name one daemon command. Building the call is pure, so that
/// the mapping from arguments to the request is tested without a daemon.
protocol CallingCommand: AsyncParsableCommand {
  /// The command and its arguments; `ValidationError` for arguments the daemon would refuse
  /// anyway (a duration out of range, a malformed login).
  func call() throws -> CommandCall
}

extension CallingCommand {
  func validate() throws {
    _ = try call()
  }
}
