import Testing
import WardenGateway

@Suite struct JoinRateLimiterTests {
  private let t0 = ContinuousClock.now

  @Test func twentyFiveChannelsGoAsTwentyNowAndFiveAfterTenSeconds() {
    var limiter = JoinRateLimiter.standard
    let channels = (0..<25).map { "ch\($0)" }
    limiter.enqueue(channels)

    let first = limiter.next(now: t0)
    #expect(first.channels == Array(channels.prefix(20)))
    #expect(first.retryAt == t0 + .seconds(10))

    let early = limiter.next(now: t0 + .seconds(9))
    #expect(early.channels.isEmpty)
    #expect(early.retryAt == t0 + .seconds(10))

    let second = limiter.next(now: t0 + .seconds(10))
    #expect(second.channels == Array(channels.suffix(5)))
    #expect(second.retryAt == nil)
  }

  /// (limit, channels queued, seconds of each call) → channels joined by each call.
  @Test(arguments: [
    (20, 25, [0, 10], [20, 5]),
    (20, 45, [0, 10, 20], [20, 20, 5]),
    (20, 45, [0, 5, 10, 15, 20], [20, 0, 20, 0, 5]),
    (2000, 2500, [0, 10], [2000, 500]),
    (20, 3, [0, 1], [3, 0]),
    (1, 3, [0, 10, 20], [1, 1, 1]),
  ])
  func pacing(limit: Int, queued: Int, seconds: [Int64], joined: [Int]) {
    var limiter = JoinRateLimiter(limit: limit, window: .seconds(10))
    limiter.enqueue((0..<queued).map { "ch\($0)" })
    let counts = seconds.map { limiter.next(now: t0 + .seconds($0)).channels.count }
    #expect(counts == joined)
  }

  @Test func theWindowSlides() {
    var limiter = JoinRateLimiter.standard
    limiter.enqueue((0..<10).map { "a\($0)" })
    #expect(limiter.next(now: t0).channels.count == 10)
    limiter.enqueue((0..<15).map { "b\($0)" })
    let batch = limiter.next(now: t0 + .seconds(5))
    #expect(batch.channels.count == 10)
    #expect(batch.retryAt == t0 + .seconds(10))
    #expect(limiter.next(now: t0 + .seconds(10)).channels == ["b10", "b11", "b12", "b13", "b14"])
  }

  @Test func queuedChannelsAreNotDuplicatedAndCanBeCancelled() {
    var limiter = JoinRateLimiter.standard
    limiter.enqueue(["a", "b", "a"])
    limiter.enqueue(["b", "c"])
    limiter.cancel(["b"])
    #expect(limiter.pending == ["a", "c"])
    #expect(limiter.next(now: t0) == .init(channels: ["a", "c"], retryAt: nil))
  }
}

@Suite struct ChannelShardingTests {
  @Test func fillsConnectionsInOrderAndKeepsAssignmentsStable() {
    var sharding = ChannelSharding(maxChannelsPerConnection: 2)
    #expect(
      sharding.add(["a", "b", "c"]) == [
        .openConnection(shard: 0), .join(channel: "a", shard: 0), .join(channel: "b", shard: 0),
        .openConnection(shard: 1), .join(channel: "c", shard: 1),
      ])
    #expect(sharding.add(["a"]).isEmpty)
    #expect(sharding.remove(["a"]) == [.part(channel: "a", shard: 0)])
    #expect(sharding.add(["d"]) == [.join(channel: "d", shard: 0)])
    #expect(sharding.shard(of: "c") == 1)
    #expect(sharding.remove(["c", "zz"]) == [.part(channel: "c", shard: 1), .closeConnection(shard: 1)])
    #expect(
      sharding.add(["e", "f", "g"]) == [
        .openConnection(shard: 1), .join(channel: "e", shard: 1), .join(channel: "f", shard: 1),
        .openConnection(shard: 2), .join(channel: "g", shard: 2),
      ])
    #expect(sharding.openConnections == 3)
  }

  /// (max per connection, channels) → connections needed.
  @Test(arguments: [(100, 1, 1), (100, 100, 1), (100, 101, 2), (100, 250, 3), (1, 5, 5), (50, 1000, 20)])
  func connectionsNeeded(max: Int, channels: Int, connections: Int) {
    var sharding = ChannelSharding(maxChannelsPerConnection: max)
    let names = (0..<channels).map { "ch\($0)" }
    let changes = sharding.add(names)
    #expect(sharding.openConnections == connections)
    #expect(changes.count { if case .openConnection = $0 { true } else { false } } == connections)
    #expect(sharding.shards.allSatisfy { ($0?.count ?? 0) <= max })
    let before = names.map { sharding.shard(of: $0) }
    _ = sharding.remove(Array(names.prefix(channels / 2)))
    _ = sharding.add(["late1", "late2"])
    #expect(
      names.suffix(channels - channels / 2).map { sharding.shard(of: $0) }
        == Array(before.suffix(channels - channels / 2)))
  }
}
