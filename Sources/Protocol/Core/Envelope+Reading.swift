/// Reading envelopes without Foundation: the subscriber's hot path.
extension Envelope {
  /// The envelope in `bytes` when they hold one as the daemon writes it (`JSONReader` reads
  /// them, every member has its type, the version and stream are right); `nil` otherwise, and
  /// `decode` asks Foundation, which gives the same envelope or the error.
  static func readWithoutFoundation(_ bytes: [UInt8]) -> Envelope? {
    guard case .object(let members)? = JSONReader.value(bytes) else { return nil }
    return Envelope(members: members)
  }

  /// The members as `init(from:)` reads them.
  private init?(members: [String: JSONValue]) {
    guard case .int(let version)? = members["v"], version == WardenVersion.wireProtocol,
      case .string(let typeText)? = members["type"], let type = EventType(typeText),
      case .string(let streamText)? = members["stream"], EventStream(rawValue: streamText) == type.stream,
      case .string(let id)? = members["id"],
      case .int(let seq)? = members["seq"], seq >= 0,
      case .string(let epoch)? = members["epoch"],
      case .int(let ts)? = members["ts"],
      let channel = Self.optionalString(members["channel"]),
      let cause = Self.optionalString(members["cause"])
    else { return nil }
    var data = members["data"] ?? .null
    if data == .null { data = .object([:]) }
    self.init(
      type: type, id: id, seq: UInt64(seq), epoch: epoch, ts: ts, channel: channel, cause: cause, data: data)
  }

  /// An optional string member: `.some(nil)` when absent or `null`, `nil` when not a string.
  private static func optionalString(_ value: JSONValue?) -> String?? {
    switch value {
    case nil, .null?: .some(nil)
    case .string(let text)?: .some(text)
    default: nil
    }
  }
}
