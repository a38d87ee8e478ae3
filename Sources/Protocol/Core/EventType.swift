/// An event type, written `<stream>.<name>` (`mod.ban`, `sys.heartbeat`): the stream it belongs
/// to and a name of lowercase `[a-z0-9_]` characters.
public struct EventType: Sendable, Hashable, Codable, CustomStringConvertible {
  public let stream: EventStream
  public let name: String

  /// Makes a type; `nil` when `name` is empty or has characters outside `[a-z0-9_]`.
  public init?(stream: EventStream, name: String) {
    guard Topic.isValidSegment(name) else { return nil }
    self.stream = stream
    self.name = name
  }

  /// Parses `<stream>.<name>`.
  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, let stream = EventStream(rawValue: String(parts[0])) else { return nil }
    self.init(stream: stream, name: String(parts[1]))
  }

  public var description: String { "\(stream.rawValue).\(name)" }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let type = EventType(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an event type <stream>.<name>"))
    }
    self = type
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension EventType {
  /// Answers every new subscription; sent with the subscription itself as its topic.
  public static let welcome = EventType(stream: .sys, name: "welcome")!
  /// Once a second: the epoch and every stream's sequence number.
  public static let heartbeat = EventType(stream: .sys, name: "heartbeat")!
}
