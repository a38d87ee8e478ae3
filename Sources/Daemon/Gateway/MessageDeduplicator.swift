/// Remembers the last `capacity` message ids (least recently seen evicted first), so that a
/// message delivered twice, or on both sockets during a handover, is passed on once.
public struct MessageDeduplicator: Sendable {
  public let capacity: Int
  /// Each id and the stamp of its latest sighting.
  private var stamps: [String: UInt64] = [:]
  /// Sightings in order; entries whose stamp is stale were seen again later.
  private var order: [(id: String, stamp: UInt64)] = []
  private var head = 0
  private var clock: UInt64 = 0

  public init(capacity: Int = 10_000) {
    self.capacity = max(capacity, 1)
  }

  /// How many ids are remembered.
  public var count: Int { stamps.count }

  public func contains(_ id: String) -> Bool { stamps[id] != nil }

  /// Records `id`; `true` the first time it is seen (pass the message on), `false` for a repeat.
  public mutating func isFirstSighting(_ id: String) -> Bool {
    clock += 1
    let isNew = stamps.updateValue(clock, forKey: id) == nil
    order.append((id, clock))
    while stamps.count > capacity {
      let oldest = order[head]
      head += 1
      if stamps[oldest.id] == oldest.stamp { stamps[oldest.id] = nil }
    }
    if head > capacity {
      order.removeFirst(head)
      head = 0
    }
    return isNew
  }
}
