import WardenProtocol
import WardenZeroMQ

/// Subscribes to the daemon's events on a thread of its own. Tracks the epoch and each fully
/// subscribed stream's sequence numbers, and reports gaps, restarts and a silent daemon
/// (`silenceMissed` heartbeats without a word) next to the events.
public final class Subscriber: Sendable {
  /// Events and notices, in arrival order; ends when the subscriber is closed.
  public let outputs: AsyncStream<SubscriberOutput>
  private let loop: ZMQLoop
  private let mailbox: Mailbox<SubscriberRequest>

  private init(outputs: AsyncStream<SubscriberOutput>, loop: ZMQLoop, mailbox: Mailbox<SubscriberRequest>) {
    self.outputs = outputs
    self.loop = loop
    self.mailbox = mailbox
  }

  /// Connects to `endpoint` with topic-prefix `filters` (`[""]` for everything).
  public static func connect(
    context: ZMQContext, endpoint: String, filters: [String] = [""], silenceMissed: Int = 3, heartbeatMS: Int = 1000
  ) async throws -> Subscriber {
    let (outputs, continuation) = AsyncStream.makeStream(of: SubscriberOutput.self)
    let mailbox = Mailbox<SubscriberRequest>()
    let loop = try await ZMQLoop.start(name: "warden-subscriber") {
      try SubscriberDriver(
        context: context, endpoint: endpoint, filters: filters, silenceMissed: silenceMissed, heartbeatMS: heartbeatMS,
        mailbox: mailbox, output: continuation)
    }
    return Subscriber(outputs: outputs, loop: loop, mailbox: mailbox)
  }

  /// Resynchronises with a snapshot: holds new events, asks `client` for `snapshot`, then
  /// releases the held events that follow it. Returns the snapshot.
  @discardableResult
  public func resync(using client: CommandClient) async throws -> SnapshotResult {
    post(.beginResync)
    let snapshot: SnapshotResult
    do {
      snapshot = try await client.call(CommandName.snapshot, as: SnapshotResult.self)
    } catch {
      post(.applySnapshot(epoch: "", seqs: [:]))
      throw error
    }
    post(.applySnapshot(epoch: snapshot.epoch, seqs: snapshot.seqs))
    return snapshot
  }

  private func post(_ request: SubscriberRequest) {
    if (try? mailbox.post(request)) == true { loop.wake() }
  }

  /// Closes the socket and ends `outputs`.
  public func close() async {
    await loop.stop()
  }
}
