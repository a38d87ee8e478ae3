/// The five event streams. Each has its own sequence numbers.
public enum EventStream: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
  /// Chat messages, deletions and clears.
  case chat
  /// Moderation: Twitch's and Warden's actions.
  case mod
  /// Channel life: online, offline, raids, subs, follows.
  case channel
  /// Analysis results: account waves, renames.
  case analysis
  /// The daemon itself: welcome, heartbeat, connections, authentication.
  case sys

  /// The stream's position in `allCases`, for per-stream arrays.
  public var index: Int {
    switch self {
    case .chat: 0
    case .mod: 1
    case .channel: 2
    case .analysis: 3
    case .sys: 4
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

extension EventStream: CodingKeyRepresentable {}

/// The last sequence number of each stream; a stream absent has published nothing yet (0).
public typealias SequenceNumbers = [EventStream: UInt64]
