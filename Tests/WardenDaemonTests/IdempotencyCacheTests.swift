import Synchronization
import Testing
import WardenDaemon
import WardenProtocol

@Suite struct IdempotencyCacheTests {
  final class Counter: Sendable {
    let value = Mutex(0)
    func next() -> Int {
      value.withLock {
        $0 += 1
        return $0
      }
    }
    var count: Int { value.withLock { $0 } }
  }

  @Test func aRepeatedIDGetsTheFirstReplyWithoutRunningAgain() async throws {
    let cache = IdempotencyCache()
    let counter = Counter()
    let first = try await cache.run(command: "mod.ban", id: "r-1") { .int(Int64(counter.next())) }
    let second = try await cache.run(command: "mod.ban", id: "r-1") { .int(Int64(counter.next())) }
    #expect(first == .int(1))
    #expect(second == .int(1))
    #expect(counter.count == 1)
    let other = try await cache.run(command: "mod.ban", id: "r-2") { .int(Int64(counter.next())) }
    #expect(other == .int(2))
  }

  @Test func concurrentRepeatsWaitForTheFirst() async throws {
    let cache = IdempotencyCache()
    let counter = Counter()
    let results = await withTaskGroup(of: JSONValue?.self) { group in
      for _ in 0..<10 {
        group.addTask {
          try? await cache.run(command: "chat.send", id: "same") {
            try await Task.sleep(for: .milliseconds(50))
            return .int(Int64(counter.next()))
          }
        }
      }
      var results: [JSONValue?] = []
      for await result in group { results.append(result) }
      return results
    }
    #expect(results.allSatisfy { $0 == .int(1) })
    #expect(counter.count == 1)
  }

  @Test func refusalsAreRememberedRetryableErrorsAreNot() async throws {
    let cache = IdempotencyCache()
    let counter = Counter()
    for _ in 0..<2 {
      await #expect(throws: ProtocolError.self) {
        try await cache.run(command: "mod.ban", id: "final") {
          _ = counter.next()
          throw ProtocolError(.twitchError, "already banned")
        }
      }
    }
    #expect(counter.count == 1)
    for _ in 0..<2 {
      await #expect(throws: ProtocolError.self) {
        try await cache.run(command: "mod.ban", id: "retry") {
          _ = counter.next()
          throw ProtocolError(.twitchUnavailable, "503", retryable: true)
        }
      }
    }
    #expect(counter.count == 3)
  }
}
