import Logging
import ServiceLifecycle
import WardenProtocol
import WardenZeroMQ

/// The ROUTER side as a service: requests are handled concurrently and every one gets a reply.
/// On shutdown it stops taking requests, lets running handlers answer, then closes the socket.
public final class CommandService: Service, Sendable {
  private let loop: ZMQLoop
  private let outbox: Mailbox<[[UInt8]]>
  private let requests: AsyncStream<IncomingRequest>
  private let continuation: AsyncStream<IncomingRequest>.Continuation
  private let router: CommandRouter
  private let counters: DaemonCounters

  private init(
    loop: ZMQLoop, outbox: Mailbox<[[UInt8]]>, requests: AsyncStream<IncomingRequest>,
    continuation: AsyncStream<IncomingRequest>.Continuation, router: CommandRouter, counters: DaemonCounters
  ) {
    self.loop = loop
    self.outbox = outbox
    self.requests = requests
    self.continuation = continuation
    self.router = router
    self.counters = counters
  }

  /// Binds `endpoint` on a thread of its own.
  public static func start(
    context: ZMQContext, endpoint: String, router: CommandRouter, settings: BusSettings, counters: DaemonCounters,
    logger: Logger
  ) async throws -> CommandService {
    let outbox = Mailbox<[[UInt8]]>()
    let (requests, continuation) = AsyncStream.makeStream(of: IncomingRequest.self)
    let loop = try await ZMQLoop.start(name: "warden-commands") {
      try CommandServerDriver(
        context: context, endpoint: endpoint, settings: settings, outbox: outbox, requests: continuation,
        counters: counters, logger: logger)
    }
    return CommandService(
      loop: loop, outbox: outbox, requests: requests, continuation: continuation, router: router, counters: counters)
  }

  public func run() async throws {
    await withGracefulShutdownHandler {
      await withDiscardingTaskGroup { group in
        for await incoming in requests {
          group.addTask { await self.serve(incoming) }
        }
      }
    } onGracefulShutdown: {
      self.continuation.finish()
    }
    if let failure = await loop.stop() { throw failure }
  }

  /// Stops taking requests and closes the socket (for callers outside a service group).
  public func stop() async {
    continuation.finish()
    await loop.stop()
  }

  private func serve(_ incoming: IncomingRequest) async {
    let reply = await router.reply(to: incoming.request)
    counters.commandsServed.add(1, ordering: .relaxed)
    if !reply.ok { counters.commandsFailed.add(1, ordering: .relaxed) }
    if (try? outbox.post(incoming.envelope + [reply.encoded()])) == true { loop.wake() }
  }
}
