/// Names one socket that a state machine asked its driver to open, so that events and actions
/// about an old and a new connection (during a handover) cannot be confused.
public struct ConnectionID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let rawValue: Int

  public init(_ rawValue: Int) {
    self.rawValue = rawValue
  }

  public var description: String { "conn-\(rawValue)" }

  public static func < (lhs: ConnectionID, rhs: ConnectionID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The identifier after this one.
  var successor: ConnectionID { ConnectionID(rawValue + 1) }
}
