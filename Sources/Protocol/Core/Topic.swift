/// Topics: the first frame of every event, `<stream>.<name>.<channel>`. Segments are lowercase
/// `[a-z0-9_]`; events not tied to a channel use `_` as channel. No user text ever goes into a
/// topic, so a subscriber's prefix filter means exactly what it says.
public enum Topic {
  /// The channel segment of events that belong to no channel.
  public static let noChannel = "_"

  /// The topic of an event of `type` in `channel` (a Twitch login, or `nil`).
  public static func make(type: EventType, channel: String?) -> String {
    "\(type.stream.rawValue).\(type.name).\(channel ?? noChannel)"
  }

  /// Whether `segment` is one non-empty run of `[a-z0-9_]`.
  public static func isValidSegment(_ segment: some StringProtocol) -> Bool {
    !segment.isEmpty && segment.utf8.allSatisfy(isSegmentByte)
  }

  /// `isValidSegment` for a `String`, over its bytes without generic calls: the bus checks a
  /// channel per event.
  public static func isValidSegment(_ segment: String) -> Bool {
    var segment = segment
    return segment.withUTF8 { !$0.isEmpty && $0.allSatisfy(isSegmentByte) }
  }

  /// Whether `text` is a well-formed topic of three segments whose first names a stream.
  public static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 3 && EventStream(rawValue: String(parts[0])) != nil
      && parts.allSatisfy { isValidSegment($0) }
  }

  /// Whether a subscription `prefix` receives every event of `stream` (`""`, `"c"` and
  /// `"chat."` do for chat; `"chat.message."` does not). Gap detection is only possible for such
  /// streams.
  public static func prefix(_ prefix: String, coversWholeStream stream: EventStream) -> Bool {
    (stream.rawValue + ".").utf8.starts(with: prefix.utf8)
  }

  /// Whether a subscription `prefix` receives a message with `topic`.
  public static func prefix(_ prefix: String, matches topic: String) -> Bool {
    topic.utf8.starts(with: prefix.utf8)
  }

  @inline(__always)
  static func isSegmentByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      || byte == UInt8(ascii: "_")
  }
}
