/// Paces `JOIN`s to Twitch's limit: `limit` attempts per sliding `window` per user (20 per 10 s;
/// 2000 for verified bots). Channels wait in a FIFO queue; `next(now:)` says which to join now
/// and when to ask again.
public struct JoinRateLimiter: Sendable {
  /// What to join now, and when to call `next(now:)` again (`nil`: the queue is empty).
  public struct Batch: Sendable, Hashable {
    public var channels: [String]
    public var retryAt: ContinuousClock.Instant?

    public init(channels: [String], retryAt: ContinuousClock.Instant?) {
      self.channels = channels
      self.retryAt = retryAt
    }
  }

  public let limit: Int
  public let window: Duration
  private var queue: [String] = []
  /// JOINs sent within the window: when, and how many.
  private var sent: [(at: ContinuousClock.Instant, count: Int)] = []

  /// Twitch's limit for an ordinary account.
  public static let standard = JoinRateLimiter(limit: 20, window: .seconds(10))
  /// Twitch's limit for a verified bot.
  public static let verifiedBot = JoinRateLimiter(limit: 2000, window: .seconds(10))

  public init(limit: Int, window: Duration) {
    self.limit = max(limit, 1)
    self.window = window
  }

  /// The channels waiting, in order.
  public var pending: [String] { queue }

  /// Queues channels; a channel already waiting is not queued twice.
  public mutating func enqueue(_ channels: [String]) {
    for channel in channels where !queue.contains(channel) {
      queue.append(channel)
    }
  }

  /// Forgets channels that no longer need joining.
  public mutating func cancel(_ channels: [String]) {
    queue.removeAll { channels.contains($0) }
  }

  /// Takes as many queued channels as the window allows at `now`.
  public mutating func next(now: ContinuousClock.Instant) -> Batch {
    sent.removeAll { now - $0.at >= window }
    let used = sent.reduce(0) { $0 + $1.count }
    let take = min(max(limit - used, 0), queue.count)
    let channels = Array(queue.prefix(take))
    queue.removeFirst(take)
    if take > 0 { sent.append((now, take)) }
    let retryAt = queue.isEmpty ? nil : sent.first.map { $0.at + window }
    return Batch(channels: channels, retryAt: retryAt)
  }
}
