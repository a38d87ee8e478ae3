import Foundation

/// Turns the request frame into a `CommandRequest`, or into the precise error the reply must
/// carry. Pure, so every malformed case has a table test.
public enum RequestDecoder {
  /// Decodes and validates one request frame of at most `maxBytes` bytes. On failure, also
  /// returns the request `id` when one could be read, so the error reply can carry it.
  public static func decode(_ frame: [UInt8], maxBytes: Int) -> Result<CommandRequest, Failure> {
    guard frame.count <= maxBytes else {
      return .failure(
        Failure(id: nil, error: ProtocolError(.tooLarge, "request is \(frame.count) bytes; the limit is \(maxBytes)")))
    }
    guard String(validating: frame, as: UTF8.self) != nil else {
      let offset = firstInvalidUTF8Offset(frame) ?? 0
      return .failure(
        Failure(
          id: nil, error: ProtocolError(.invalidUTF8, "request is not valid UTF-8 (bad byte at offset \(offset))")))
    }
    let value: JSONValue
    do {
      value = try parseJSON(frame)
    } catch {
      return .failure(Failure(id: nil, error: error))
    }
    guard let object = value.objectValue else {
      return .failure(
        Failure(
          id: nil, error: ProtocolError(.invalidRequest, "request must be a JSON object, not \(value.kindPhrase)")))
    }
    let id = object["id"]?.stringValue
    func fail(_ code: ErrorCode, _ message: String) -> Result<CommandRequest, Failure> {
      .failure(Failure(id: id, error: ProtocolError(code, message)))
    }
    guard let version = object["v"] else { return fail(.missingField, "request has no 'v' (protocol version)") }
    guard let number = version.intValue else {
      let what = version.kindName == "number" ? "a fraction or an out-of-range number" : version.kindPhrase
      return fail(.invalidField, "'v' must be the integer 1, not \(what)")
    }
    guard number == WardenVersion.wireProtocol else {
      return fail(.unsupportedVersion, "protocol version \(number) is not supported; this daemon speaks 1")
    }
    guard let rawID = object["id"] else { return fail(.missingField, "request has no 'id'") }
    guard let id, !id.isEmpty, id.utf8.count <= 256 else {
      return fail(.invalidField, "'id' must be a string of 1 to 256 bytes, not \(describe(rawID))")
    }
    guard let rawCommand = object["cmd"] else { return fail(.missingField, "request has no 'cmd'") }
    guard let command = rawCommand.stringValue, !command.isEmpty else {
      return fail(.invalidField, "'cmd' must be a non-empty string, not \(describe(rawCommand))")
    }
    var args: [String: JSONValue] = [:]
    if let rawArgs = object["args"], rawArgs != .null {
      guard let members = rawArgs.objectValue else {
        return fail(.invalidField, "'args' must be an object, not \(rawArgs.kindPhrase)")
      }
      args = members
    }
    var request = CommandRequest(id: id, cmd: command, args: args)
    request.v = Int(number)
    return .success(request)
  }

  /// A request that cannot be served, with the id to answer to when one was readable.
  public struct Failure: Error, Sendable, Hashable {
    public var id: String?
    public var error: ProtocolError
  }

  /// Parses JSON bytes, turning the parser's complaint into an `invalid_json` error.
  public static func parseJSON(_ bytes: [UInt8]) throws(ProtocolError) -> JSONValue {
    do {
      return try WireCoding.decoder.decode(JSONValue.self, from: Data(bytes))
    } catch let DecodingError.dataCorrupted(context) {
      let detail = (context.underlyingError as NSError?)?.localizedDescription ?? context.debugDescription
      throw ProtocolError(.invalidJSON, "request is not valid JSON: \(detail)")
    } catch {
      throw ProtocolError(.invalidJSON, "request is not valid JSON: \(error)")
    }
  }

  private static func describe(_ value: JSONValue) -> String {
    if case .string(let text) = value { return "a string of \(text.utf8.count) bytes" }
    return value.kindPhrase
  }

  private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
