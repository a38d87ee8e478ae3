import Foundation

/// One event as it travels in the second frame: `{"v":1,"type":…,"id":…,"stream":…,"seq":…,
/// "epoch":…,"ts":…,"channel":…,"cause":…,"data":{…}}`.
public struct Envelope: Sendable, Hashable {
  /// Protocol version (1).
  public var v: Int
  public var type: EventType
  /// Unique per event: `<epoch>-<stream>-<seq>` for sequenced events.
  public var id: String
  /// Sequence number within `type.stream`, +1 per event from 1; 0 for `sys.welcome` and
  /// `sys.heartbeat`, which are not sequenced.
  public var seq: UInt64
  /// Random per daemon start; a new epoch means the daemon restarted and sequences began anew.
  public var epoch: String
  /// Milliseconds since the Unix epoch when the daemon published the event.
  public var ts: Int64
  /// The Twitch channel login, `nil` for events of no channel.
  public var channel: String?
  /// The command `id` that led to this event, if any.
  public var cause: String?
  public var data: JSONValue

  public init(
    type: EventType, id: String, seq: UInt64, epoch: String, ts: Int64, channel: String? = nil,
    cause: String? = nil, data: JSONValue = .object([:])
  ) {
    self.v = WardenVersion.wireProtocol
    self.type = type
    self.id = id
    self.seq = seq
    self.epoch = epoch
    self.ts = ts
    self.channel = channel
    self.cause = cause
    self.data = data
  }

  public var stream: EventStream { type.stream }
  public var topic: String { Topic.make(type: type, channel: channel) }

  /// Decodes `data` as a typed payload.
  public func decodeData<T: Decodable>(_: T.Type) throws -> T {
    try WireCoding.decoder.decode(T.self, from: Data(data.jsonBytes))
  }

  /// The envelope's canonical JSON bytes.
  public func encoded() -> [UInt8] {
    Self.encode(
      type: type, id: .text(id), seq: seq, epoch: epoch, ts: ts, channel: channel, cause: cause,
      data: data.jsonBytes)
  }

  /// How an envelope's `id` is written: as given, or as `<epoch>-<tag>-<number>` straight into
  /// the bytes (the daemon's ids), which saves building a string per event.
  public enum ID: Sendable {
    case text(String)
    case numbered(tag: String, number: UInt64)
  }

  /// Writes an envelope around `data`, JSON bytes already encoded: the publisher's hot path.
  /// `epoch`, the type and a numbered id's tag are `[a-z0-9_]` text and are written unescaped.
  public static func encode(
    type: EventType, id: ID, seq: UInt64, epoch: String, ts: Int64, channel: String?, cause: String?,
    data: [UInt8]
  ) -> [UInt8] {
    var writer = JSONWriter(capacity: data.count + 200)
    writer.raw("{\"v\":1,\"type\":\"")
    writer.plain(type.stream.rawValue)
    writer.raw(".")
    writer.plain(type.name)
    writer.raw("\",\"id\":")
    switch id {
    case .text(let text):
      writer.string(text)
    case .numbered(let tag, let number):
      writer.raw("\"")
      writer.plain(epoch)
      writer.raw("-")
      writer.plain(tag)
      writer.raw("-")
      writer.integer(number)
      writer.raw("\"")
    }
    writer.raw(",\"stream\":\"")
    writer.plain(type.stream.rawValue)
    writer.raw("\",\"seq\":")
    writer.integer(seq)
    writer.raw(",\"epoch\":")
    writer.string(epoch)
    writer.raw(",\"ts\":")
    writer.integer(ts)
    writer.raw(",\"channel\":")
    writer.optionalString(channel)
    writer.raw(",\"cause\":")
    writer.optionalString(cause)
    writer.raw(",\"data\":")
    writer.raw(data)
    writer.raw("}")
    return writer.bytes
  }

  /// Parses an envelope from the second frame of an event message. Envelopes as the daemon
  /// writes them are read without Foundation (`readWithoutFoundation`); anything else goes
  /// through `JSONDecoder`, which gives the same result, or the error.
  public static func decode(_ bytes: [UInt8]) throws -> Envelope {
    if let envelope = readWithoutFoundation(bytes) { return envelope }
    return try WireCoding.decoder.decode(Envelope.self, from: Data(bytes))
  }
}

extension Envelope: Codable {
  enum CodingKeys: String, CodingKey {
    case v, type, id, stream, seq, epoch, ts, channel, cause, data
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    v = try container.decode(Int.self, forKey: .v)
    guard v == WardenVersion.wireProtocol else {
      throw DecodingError.dataCorruptedError(
        forKey: .v, in: container, debugDescription: "unsupported protocol version \(v)")
    }
    type = try container.decode(EventType.self, forKey: .type)
    let stream = try container.decode(EventStream.self, forKey: .stream)
    guard stream == type.stream else {
      throw DecodingError.dataCorruptedError(
        forKey: .stream, in: container, debugDescription: "stream '\(stream)' does not match type '\(type)'")
    }
    id = try container.decode(String.self, forKey: .id)
    seq = try container.decode(UInt64.self, forKey: .seq)
    epoch = try container.decode(String.self, forKey: .epoch)
    ts = try container.decode(Int64.self, forKey: .ts)
    channel = try container.decodeIfPresent(String.self, forKey: .channel)
    cause = try container.decodeIfPresent(String.self, forKey: .cause)
    data = try container.decodeIfPresent(JSONValue.self, forKey: .data) ?? .object([:])
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(v, forKey: .v)
    try container.encode(type, forKey: .type)
    try container.encode(id, forKey: .id)
    try container.encode(stream, forKey: .stream)
    try container.encode(seq, forKey: .seq)
    try container.encode(epoch, forKey: .epoch)
    try container.encode(ts, forKey: .ts)
    try container.encode(channel, forKey: .channel)
    try container.encode(cause, forKey: .cause)
    try container.encode(data, forKey: .data)
  }
}
