/// A small seeded generator (SplitMix64), so a scenario plays the same way every time.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A generator for one part of a scenario, independent of the others.
  public init(seed: UInt64, stream: UInt64...) {
    var value = seed
    for part in stream { value = value &* 0x9E37_79B9_7F4A_7C15 &+ part &+ 1 }
    state = value
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (`bound` > 0).
  public mutating func below(_ bound: Int) -> Int { Int(next(upperBound: UInt64(bound))) }

  /// A number in `0..<1`.
  public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { unit() < p }

  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
