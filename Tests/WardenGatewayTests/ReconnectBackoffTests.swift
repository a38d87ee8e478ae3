import Testing
import WardenGateway

@Suite struct ReconnectBackoffTests {
  @Test(arguments: [
    (0, 1), (1, 2), (2, 4), (3, 8), (4, 16), (5, 32), (6, 60), (7, 60), (63, 60), (1000, 60),
  ])
  func ceilingDoublesUpToTheCap(attempt: Int, seconds: Int64) {
    #expect(ReconnectBackoff().ceiling(forAttempt: attempt) == .seconds(seconds))
  }

  @Test(arguments: [UInt64(1), 42, 0xDEAD_BEEF])
  func fullJitterStaysWithinZeroAndTheCeiling(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for attempt in 0..<12 {
      var backoff = ReconnectBackoff()
      for _ in 0..<attempt { _ = backoff.nextDelay(using: &generator) }
      let ceiling = backoff.ceiling(forAttempt: attempt)
      var delays: Set<Duration> = []
      for _ in 0..<200 {
        var copy = backoff
        let delay = copy.nextDelay(using: &generator)
        #expect(delay >= .zero && delay <= ceiling)
        delays.insert(delay)
      }
      #expect(delays.count > 50, "jitter spreads the delays of attempt \(attempt)")
    }
  }

  @Test func sameSeedSameDelays() {
    func delays(seed: UInt64) -> [Duration] {
      var generator = SeededGenerator(seed: seed)
      var backoff = ReconnectBackoff()
      return (0..<10).map { _ in backoff.nextDelay(using: &generator) }
    }
    #expect(delays(seed: 7) == delays(seed: 7))
    #expect(delays(seed: 7) != delays(seed: 8))
  }

  @Test func fixedGeneratorGivesValueModuloCeilingPlusOne() {
    var generator = FixedGenerator(value: 1500)
    var backoff = ReconnectBackoff()
    let delays = (0..<3).map { _ in backoff.nextDelay(using: &generator) }
    #expect(delays == [.milliseconds(1500 % 1001), .milliseconds(1500), .milliseconds(1500)])
    #expect(backoff.attempt == 3)
  }

  @Test func resetsOnlyAfterAStablePeriod() {
    let t0 = ContinuousClock.now
    var generator = SeededGenerator(seed: 1)
    var backoff = ReconnectBackoff(configuration: .init(stablePeriod: .seconds(60)))
    for _ in 0..<3 { _ = backoff.nextDelay(using: &generator) }
    backoff.connectionEstablished(at: t0)
    backoff.connectionLost(at: t0 + .seconds(59))
    #expect(backoff.attempt == 3)
    _ = backoff.nextDelay(using: &generator)
    backoff.connectionEstablished(at: t0 + .seconds(100))
    backoff.connectionLost(at: t0 + .seconds(160))
    #expect(backoff.attempt == 0)
  }

  @Test func aLossWithoutAnEstablishedConnectionKeepsCounting() {
    let t0 = ContinuousClock.now
    var generator = SeededGenerator(seed: 1)
    var backoff = ReconnectBackoff()
    _ = backoff.nextDelay(using: &generator)
    backoff.connectionLost(at: t0 + .seconds(3600))
    #expect(backoff.attempt == 1)
  }
}
