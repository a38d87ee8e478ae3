import WardenProtocol
import WardenZeroMQ

/// A request on its way: the bytes to (re)send and who waits for the reply.
struct PendingCall: Sendable {
  var id: String
  var frame: [UInt8]
  var timeout: Duration
  var retries: Int
  var continuation: CheckedContinuation<Result<CommandReply, ClientError>, Never>
}

/// Runs on the command client's thread: owns a DEALER socket, sends requests with an empty
/// delimiter frame as REQ would, matches replies to requests by `id`, resends after a timeout
/// and fails a call once its retries are spent. A late reply to a failed call is dropped.
final class CommandClientDriver: ZMQLoopDriver {
  private struct InFlight {
    var call: PendingCall
    var deadline: ContinuousClock.Instant
    var retriesLeft: Int
  }

  private let socket: ZMQSocket
  private let mailbox: Mailbox<PendingCall>
  private var inFlight: [String: InFlight] = [:]

  init(context: ZMQContext, endpoint: String, mailbox: Mailbox<PendingCall>) throws(ZMQError) {
    socket = try ZMQSocket(context: context, type: .dealer)
    try socket.set(.linger, 0)
    try socket.set(.reconnectInterval, 100)
    try socket.connect(endpoint)
    self.mailbox = mailbox
  }

  var sockets: [ZMQSocket] { [socket] }

  func woken() throws(ZMQError) {
    for call in mailbox.drain() {
      guard inFlight[call.id] == nil else {
        call.continuation.resume(
          returning: .failure(ClientError(.closed, "request id '\(call.id)' is already in flight")))
        continue
      }
      inFlight[call.id] = InFlight(call: call, deadline: .now.advanced(by: call.timeout), retriesLeft: call.retries)
      transmit(call)
    }
  }

  private func transmit(_ call: PendingCall) {
    // A full queue (no daemon) is the same as a lost request: the deadline handles it.
    _ = try? socket.send([[], call.frame], dontWait: true)
  }

  func readable(socketAt index: Int) throws(ZMQError) {
    while let frames = try socket.receive(dontWait: true) {
      guard let body = frames.last, let reply = try? CommandReply.decode(body), let id = reply.id,
        let entry = inFlight.removeValue(forKey: id)
      else { continue }
      entry.call.continuation.resume(returning: .success(reply))
    }
  }

  func nextTimeout() -> Int? {
    guard let soonest = inFlight.values.map(\.deadline).min() else { return nil }
    let remaining = ContinuousClock.now.duration(to: soonest)
    return max(
      0, Int(remaining.wholeMilliseconds) + 1)
  }

  func tick() throws(ZMQError) {
    let now = ContinuousClock.now
    for (id, entry) in inFlight where entry.deadline <= now {
      if entry.retriesLeft > 0 {
        inFlight[id]!.retriesLeft -= 1
        inFlight[id]!.deadline = now.advanced(by: entry.call.timeout)
        transmit(entry.call)
      } else {
        inFlight[id] = nil
        let attempts = entry.call.retries + 1
        entry.call.continuation.resume(
          returning: .failure(
            ClientError(
              .timeout, "wardend did not answer '\(id)' in time (\(attempts) attempt(s) of \(entry.call.timeout))")
          ))
      }
    }
  }

  func finish() {
    socket.close()
    let closed = ClientError(.closed, "the command client was closed")
    for entry in inFlight.values { entry.call.continuation.resume(returning: .failure(closed)) }
    inFlight = [:]
    for call in mailbox.close() { call.continuation.resume(returning: .failure(closed)) }
  }
}
