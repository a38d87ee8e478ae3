import WardenProtocol

/// A command handler: reads the request's arguments, returns the `result`, or throws a
/// `ProtocolError` for the error reply.
public typealias CommandHandler = @Sendable (CommandRequest) async throws -> JSONValue

/// The commands the daemon serves, by name.
public struct CommandRouter: Sendable {
  private var handlers: [String: CommandHandler] = [:]

  public init() {}

  public mutating func register(_ name: String, _ handler: @escaping CommandHandler) {
    handlers[name] = handler
  }

  public var commandNames: [String] { handlers.keys.sorted() }

  /// Runs the handler for the request and makes its reply; never throws.
  public func reply(to request: CommandRequest) async -> CommandReply {
    guard let handler = handlers[request.cmd] else {
      return .failure(
        id: request.id,
        ProtocolError(.unknownCommand, "unknown command '\(request.cmd)'; `hello` lists the commands"))
    }
    do {
      return .success(id: request.id, try await handler(request))
    } catch let error as ProtocolError {
      return .failure(id: request.id, error)
    } catch {
      return .failure(id: request.id, ProtocolError(.internal, "\(request.cmd) failed: \(error)"))
    }
  }
}
