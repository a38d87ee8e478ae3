import Logging
import WardenProtocol
import WardenZeroMQ

/// A request that passed the checks of the wire, waiting for its handler.
struct IncomingRequest: Sendable {
  var envelope: [[UInt8]]
  var request: CommandRequest
}

/// Runs on the command thread: owns the ROUTER socket, answers malformed requests at once and
/// hands the rest to the command service; sends the replies the service queues.
final class CommandServerDriver: ZMQLoopDriver {
  private let socket: ZMQSocket
  private let settings: BusSettings
  private let outbox: Mailbox<[[UInt8]]>
  private let requests: AsyncStream<IncomingRequest>.Continuation
  private let counters: DaemonCounters
  private let logger: Logger

  init(
    context: ZMQContext, endpoint: String, settings: BusSettings, outbox: Mailbox<[[UInt8]]>,
    requests: AsyncStream<IncomingRequest>.Continuation, counters: DaemonCounters, logger: Logger
  ) throws(ZMQError) {
    socket = try ZMQSocket(context: context, type: .router)
    try socket.set(.linger, 200)
    // Past the hard limit libzmq drops the connection; below it, oversized requests get a reply.
    try socket.set(.maxMessageSize, settings.hardLimitBytes)
    try socket.set(.routerMandatory, true)
    try socket.bind(endpoint)
    self.settings = settings
    self.outbox = outbox
    self.requests = requests
    self.counters = counters
    self.logger = logger
  }

  var sockets: [ZMQSocket] { [socket] }

  func readable(socketAt index: Int) throws(ZMQError) {
    while let frames = try socket.receive(dontWait: true) {
      handle(frames)
    }
  }

  private func handle(_ frames: [[UInt8]]) {
    let routed = RoutingEnvelope(frames)
    guard routed.body.count == 1 else {
      let error = ProtocolError(
        .badFrames,
        "expected exactly one frame after the routing envelope, got \(routed.body.count); send the request JSON as one frame"
      )
      refuse(routed.envelope, id: nil, error)
      return
    }
    switch RequestDecoder.decode(routed.body[0], maxBytes: settings.maxRequestBytes) {
    case .failure(let failure):
      refuse(routed.envelope, id: failure.id, failure.error)
    case .success(let request):
      let incoming = IncomingRequest(envelope: routed.envelope, request: request)
      if case .terminated = requests.yield(incoming) {
        counters.commandsFailed.add(1, ordering: .relaxed)
        let error = ProtocolError(.unavailable, "wardend is shutting down", retryable: true)
        send(routed.envelope, CommandReply.failure(id: request.id, error).encoded())
      }
    }
  }

  private func refuse(_ envelope: [[UInt8]], id: String?, _ error: ProtocolError) {
    counters.malformedRequests.add(1, ordering: .relaxed)
    counters.commandsFailed.add(1, ordering: .relaxed)
    logger.debug("refused a malformed request", metadata: ["warden.error": "\(error.code)"])
    send(envelope, CommandReply.failure(id: id, error).encoded())
  }

  func woken() throws(ZMQError) {
    for message in outbox.drain() {
      send(Array(message.dropLast()), message.last!)
    }
  }

  private func send(_ envelope: [[UInt8]], _ reply: [UInt8]) {
    guard !envelope.isEmpty else { return }
    do {
      if try !socket.send(envelope + [reply], dontWait: true) {
        counters.repliesDropped.add(1, ordering: .relaxed)
      }
    } catch {
      // EHOSTUNREACH: the client went away before its reply was ready.
      counters.repliesDropped.add(1, ordering: .relaxed)
      logger.debug("dropped a reply", metadata: ["zmq.error": "\(error)"])
    }
  }

  func finish() {
    for message in outbox.close() { send(Array(message.dropLast()), message.last!) }
    socket.close()
  }
}
