/// Settings of the event bus and the command socket (config keys under `bus:`).
public struct BusSettings: Sendable, Equatable {
  /// Milliseconds between `sys.heartbeat` events.
  public var heartbeatMS: Int = 1000
  /// Events kept per stream for `events.since`.
  public var ringBufferEvents: Int = 10_000
  /// Messages queued per subscriber before the slowest subscriber starts losing events.
  public var sendHighWaterMark: Int32 = 100_000
  /// The largest request frame that gets a normal answer; larger ones get `too_large`.
  public var maxRequestBytes: Int = 1 << 20
  /// Past this many bytes libzmq drops the client's connection instead of reading the message.
  public var hardLimitBytes: Int64 = 16 << 20

  public init() {}
}
