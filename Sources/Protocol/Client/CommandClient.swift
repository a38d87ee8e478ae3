import Synchronization
import WardenProtocol
import WardenZeroMQ

/// Sends commands to the daemon and awaits their replies, many at once, on a thread of its own.
/// Every call ends: with the reply, or after `timeout` × (`retries` + 1) with a timeout error.
/// Retries resend the same `id`, which the daemon treats idempotently.
public final class CommandClient: Sendable {
  private let loop: ZMQLoop
  private let mailbox: Mailbox<PendingCall>
  private let prefix: String
  private let counter = Atomic<UInt64>(0)
  public let timeout: Duration
  public let retries: Int

  private init(loop: ZMQLoop, mailbox: Mailbox<PendingCall>, timeout: Duration, retries: Int) {
    self.loop = loop
    self.mailbox = mailbox
    self.timeout = timeout
    self.retries = retries
    self.prefix = String(UInt32.random(in: .min ... .max), radix: 36)
  }

  /// Connects to a command endpoint. Connecting always succeeds at once; `locate` first when
  /// a missing daemon must fail fast (`connect(paths:)` does).
  public static func connect(
    context: ZMQContext, endpoint: String, timeout: Duration = .seconds(2), retries: Int = 1
  ) async throws -> CommandClient {
    let mailbox = Mailbox<PendingCall>()
    let loop = try await ZMQLoop.start(name: "warden-commands-client") {
      try CommandClientDriver(context: context, endpoint: endpoint, mailbox: mailbox)
    }
    return CommandClient(loop: loop, mailbox: mailbox, timeout: timeout, retries: retries)
  }

  /// Finds the daemon of a runtime directory, failing at once with `.notRunning` when there is
  /// none, and connects to it.
  public static func connect(
    paths: RuntimePaths, context: ZMQContext, timeout: Duration = .seconds(2), retries: Int = 1
  ) async throws -> CommandClient {
    let info = try DaemonLocator.locate(paths)
    return try await connect(context: context, endpoint: info.endpoints.commands, timeout: timeout, retries: retries)
  }

  /// A fresh request id.
  public func nextID() -> String {
    "\(prefix)-\(counter.add(1, ordering: .relaxed).newValue)"
  }

  /// Sends a request and returns the reply as it came, `ok` or not.
  public func send(_ request: CommandRequest, timeout: Duration? = nil, retries: Int? = nil) async throws(ClientError)
    -> CommandReply
  {
    let frame = request.encoded()
    let result = await withCheckedContinuation { continuation in
      let call = PendingCall(
        id: request.id, frame: frame, timeout: timeout ?? self.timeout, retries: retries ?? self.retries,
        continuation: continuation)
      do {
        if try mailbox.post(call) { loop.wake() }
      } catch {
        continuation.resume(returning: .failure(ClientError(.closed, "the command client was closed")))
      }
    }
    return try result.get()
  }

  /// Runs a command and returns its `result`; an error reply becomes `.rejected`.
  public func call(_ command: String, args: [String: JSONValue] = [:]) async throws(ClientError) -> JSONValue {
    let reply = try await send(CommandRequest(id: nextID(), cmd: command, args: args))
    switch reply.outcome {
    case .success(let result): return result
    case .failure(let error): throw ClientError(.rejected(error), "\(command): \(error.message) (\(error.code))")
    }
  }

  /// Runs a command and decodes its `result`.
  public func call<Result: Decodable>(
    _ command: String, args: [String: JSONValue] = [:], as type: Result.Type
  ) async throws(ClientError) -> Result {
    let value = try await call(command, args: args)
    do {
      return try WireCoding.decode(Result.self, from: value)
    } catch {
      throw ClientError(.badReply, "\(command): unexpected result: \(error)")
    }
  }

  /// Fails every waiting call with `.closed` and closes the socket.
  public func close() async {
    await loop.stop()
  }
}
