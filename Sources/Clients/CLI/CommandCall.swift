import ArgumentParser
import WardenProtocol

/// One command for the daemon, as a subcommand's arguments name it: the `cmd` and the `args`
/// of the request.
public struct CommandCall: Sendable, Hashable {
  /// The command's name, e.g. `mod.timeout`.
  public var name: String
  /// Its arguments, as they go on the wire.
  public var args: [String: JSONValue]

  /// A call of `name` with `args` as they go on the wire.
  public init(name: String, args: [String: JSONValue] = [:]) {
    self.name = name
    self.args = args
  }

  /// `name` with typed arguments, encoded as on the wire (absent optionals are left out).
  init(_ name: String, _ args: some Encodable) throws {
    self.init(name: name, args: try WireCoding.value(args).objectValue ?? [:])
  }
}

extension WardenCommand {
  /// The command that `arguments` (what follows `warden`) would send, without sending it;
  /// `nil` for the subcommands that send no fixed command (`status`, `tail`, `send`).
  ///
  /// Bad usage throws the parser's error, the one `run(arguments:)` reports with exit code 64.
  public static func call(for arguments: [String]) throws -> CommandCall? {
    guard let command = try parseAsRoot(arguments) as? any CallingCommand else { return nil }
    return try command.call()
  }
}
