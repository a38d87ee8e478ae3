import WardenGateway

/// SplitMix64: a small seeded generator, so jitter is reproducible.
struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Always the same number: with `ReconnectBackoff` a delay of `value % (ceiling + 1)` ms.
struct FixedGenerator: RandomNumberGenerator, Sendable {
  let value: UInt64

  mutating func next() -> UInt64 { value }
}

/// One input of a table test at an offset from the start, and the actions it must yield.
struct Step<Event: Sendable, Action: Sendable>: Sendable {
  let at: Duration
  let event: Event
  let expect: [Action]

  init(_ at: Duration = .zero, _ event: Event, _ expect: [Action] = []) {
    self.at = at
    self.event = event
    self.expect = expect
  }
}

extension ConnectionID {
  static let c1 = ConnectionID(1)
  static let c2 = ConnectionID(2)
  static let c3 = ConnectionID(3)
}
