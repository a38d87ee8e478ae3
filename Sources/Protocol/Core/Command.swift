/// A command request: the one frame after the routing envelope,
/// `{"v":1,"id":"…","cmd":"…","args":{…}}`.
public struct CommandRequest: Sendable, Hashable {
  public var v: Int
  /// Chosen by the client, unique per request; echoed in the reply. Mutating commands are
  /// idempotent by `id`.
  public var id: String
  public var cmd: String
  public var args: [String: JSONValue]

  public init(id: String, cmd: String, args: [String: JSONValue] = [:]) {
    self.v = WardenVersion.wireProtocol
    self.id = id
    self.cmd = cmd
    self.args = args
  }

  public func encoded() -> [UInt8] {
    var writer = JSONWriter()
    writer.raw("{\"v\":")
    writer.integer(v)
    writer.raw(",\"id\":")
    writer.string(id)
    writer.raw(",\"cmd\":")
    writer.string(cmd)
    writer.raw(",\"args\":")
    writer.value(.object(args))
    writer.raw("}")
    return writer.bytes
  }
}

/// A reply: `{"v":1,"id":"…","ok":true,"result":{…}}` or
/// `{"v":1,"id":"…","ok":false,"error":{"code":"…","message":"…","retryable":false}}`.
/// `id` is `null` only when the request was too broken to read one from it.
public struct CommandReply: Sendable, Hashable {
  public var v: Int
  public var id: String?
  public var outcome: Result<JSONValue, ProtocolError>

  public init(id: String?, outcome: Result<JSONValue, ProtocolError>) {
    self.v = WardenVersion.wireProtocol
    self.id = id
    self.outcome = outcome
  }

  public static func success(id: String?, _ result: JSONValue) -> CommandReply {
    CommandReply(id: id, outcome: .success(result))
  }

  public static func failure(id: String?, _ error: ProtocolError) -> CommandReply {
    CommandReply(id: id, outcome: .failure(error))
  }

  public var ok: Bool {
    if case .success = outcome { return true }
    return false
  }

  public func encoded() -> [UInt8] {
    var writer = JSONWriter()
    writer.raw("{\"v\":")
    writer.integer(v)
    writer.raw(",\"id\":")
    writer.optionalString(id)
    switch outcome {
    case .success(let result):
      writer.raw(",\"ok\":true,\"result\":")
      writer.value(result)
    case .failure(let error):
      writer.raw(",\"ok\":false,\"error\":{\"code\":")
      writer.string(error.code.rawValue)
      writer.raw(",\"message\":")
      writer.string(error.message)
      writer.raw(",\"retryable\":")
      error.retryable ? writer.raw("true") : writer.raw("false")
      writer.raw("}")
    }
    writer.raw("}")
    return writer.bytes
  }

  /// Parses a reply frame.
  public static func decode(_ bytes: [UInt8]) throws(ProtocolError) -> CommandReply {
    let value = try RequestDecoder.parseJSON(bytes)
    guard let object = value.objectValue else {
      throw ProtocolError(.invalidJSON, "reply is \(value.kindPhrase), not an object")
    }
    let id = object["id"]?.stringValue
    guard let ok = object["ok"]?.boolValue else { throw ProtocolError(.missingField, "reply has no boolean 'ok'") }
    if ok {
      return .success(id: id, object["result"] ?? .object([:]))
    }
    guard let error = object["error"], let code = error["code"]?.stringValue else {
      throw ProtocolError(.missingField, "failed reply has no 'error.code'")
    }
    return .failure(
      id: id,
      ProtocolError(
        ErrorCode(rawValue: code), error["message"]?.stringValue ?? "",
        retryable: error["retryable"]?.boolValue ?? false))
  }
}

/// The commands of protocol v1 that the daemon serves from the start.
public enum CommandName {
  public static let hello = "hello"
  public static let ping = "ping"
  public static let status = "status"
  public static let snapshot = "snapshot"
  public static let eventsSince = "events.since"
}
