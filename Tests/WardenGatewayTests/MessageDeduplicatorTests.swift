import Testing
import WardenGateway

@Suite struct MessageDeduplicatorTests {
  /// Capacity, ids in order → whether each is a first sighting.
  @Test(arguments: [
    (3, ["a", "b", "a", "c", "b"], [true, true, false, true, false]),
    // d evicts a (least recent); a comes back and evicts b.
    (3, ["a", "b", "c", "d", "a", "b"], [true, true, true, true, true, true]),
    // Seeing a again makes it recent: d evicts b, not a.
    (3, ["a", "b", "c", "a", "d", "a", "b"], [true, true, true, false, true, false, true]),
    (1, ["a", "a", "b", "a"], [true, false, true, true]),
  ])
  func sightings(capacity: Int, ids: [String], expected: [Bool]) {
    var deduplicator = MessageDeduplicator(capacity: capacity)
    let sightings = ids.map { deduplicator.isFirstSighting($0) }
    #expect(sightings == expected)
    #expect(deduplicator.count <= capacity)
  }

  @Test func keepsTheLastTenThousand() {
    var deduplicator = MessageDeduplicator()
    for index in 0..<25_000 { _ = deduplicator.isFirstSighting("m\(index)") }
    #expect(deduplicator.count == 10_000)
    #expect(!deduplicator.contains("m14999"))
    #expect(deduplicator.contains("m15000"))
    let repeated = deduplicator.isFirstSighting("m24999")
    let forgotten = deduplicator.isFirstSighting("m0")
    #expect(!repeated)
    #expect(forgotten)
  }
}
