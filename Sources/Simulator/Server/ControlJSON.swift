import Foundation
import Hummingbird
import NIOCore
import TwitchSimCore
import WardenProtocol

/// Reading the control API's JSON bodies with errors that name the field, and writing replies.
struct ControlBody {
  let fields: [String: JSONValue]

  static func read(_ request: Request) async throws -> ControlBody {
    let buffer = try await request.body.collect(upTo: 16 << 20)
    guard buffer.readableBytes > 0 else { return ControlBody(fields: [:]) }
    let value: JSONValue
    do {
      value = try RequestDecoder.parseJSON(Array(buffer.readableBytesView))
    } catch {
      throw SimError.badRequest("the body is not valid JSON")
    }
    guard let fields = value.objectValue else { throw SimError.badRequest("the body must be a JSON object") }
    return ControlBody(fields: fields)
  }

  func string(_ key: String) throws(SimError) -> String {
    guard let value = fields[key]?.stringValue, !value.isEmpty else {
      throw .badRequest("'\(key)' is required and must be a non-empty string")
    }
    return value
  }

  func optionalString(_ key: String) throws(SimError) -> String? {
    guard let value = fields[key], value != .null else { return nil }
    guard let text = value.stringValue else { throw .badRequest("'\(key)' must be a string") }
    return text
  }

  func int(_ key: String, default fallback: Int? = nil) throws(SimError) -> Int {
    guard let value = fields[key], value != .null else {
      if let fallback { return fallback }
      throw .badRequest("'\(key)' is required and must be a whole number")
    }
    guard let number = value.intValue else { throw .badRequest("'\(key)' must be a whole number") }
    return Int(number)
  }

  func optionalInt(_ key: String) throws(SimError) -> Int? {
    guard let value = fields[key], value != .null else { return nil }
    guard let number = value.intValue else { throw .badRequest("'\(key)' must be a whole number") }
    return Int(number)
  }

  func bool(_ key: String, default fallback: Bool) throws(SimError) -> Bool {
    guard let value = fields[key], value != .null else { return fallback }
    guard let flag = value.boolValue else { throw .badRequest("'\(key)' must be true or false") }
    return flag
  }

  func strings(_ key: String) throws(SimError) -> [String] {
    guard let value = fields[key], value != .null else { return [] }
    guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
      throw .badRequest("'\(key)' must be an array of strings")
    }
    return items.compactMap(\.stringValue)
  }

  func stringMap(_ key: String) throws(SimError) -> [String: String] {
    guard let value = fields[key], value != .null else { return [:] }
    guard let object = value.objectValue else { throw .badRequest("'\(key)' must be an object of strings") }
    var map: [String: String] = [:]
    for (name, item) in object {
      switch item {
      case .string(let text): map[name] = text
      case .int(let number): map[name] = "\(number)"
      default: throw .badRequest("'\(key).\(name)' must be a string")
      }
    }
    return map
  }
}

enum ControlReply {
  static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.jsonBytes)))
  }

  static func error(_ error: SimError) -> Response {
    json(
      ["error": .string(error.error), "status": .int(Int64(error.status)), "message": .string(error.message)],
      status: HTTPResponse.Status(code: error.status))
  }

  static func time(_ date: Date) -> JSONValue {
    .string(ISO8601DateFormatter().string(from: date))
  }

  static func user(_ user: SimUser) -> JSONValue {
    [
      "id": .string(user.id), "login": .string(user.login), "display_name": .string(user.displayName),
      "created_at": time(user.createdAt), "color": user.color.map(JSONValue.string) ?? .null,
    ]
  }

  static func action(_ action: RecordedAction) -> JSONValue {
    [
      "seq": .int(Int64(action.seq)), "kind": .string(action.kind), "via": .string(action.via),
      "channel_id": action.channelID.map(JSONValue.string) ?? .null,
      "actor_id": action.actorID.map(JSONValue.string) ?? .null,
      "client_id": action.clientID.map(JSONValue.string) ?? .null, "params": .object(action.params),
      "at": time(action.at),
    ]
  }

  static func token(_ token: SimToken) -> JSONValue {
    [
      "access_token": .string(token.accessToken), "refresh_token": token.refreshToken.map(JSONValue.string) ?? .null,
      "client_id": .string(token.clientID), "user_id": token.userID.map(JSONValue.string) ?? .null,
      "scopes": .array(token.scopes.map(JSONValue.string)), "expires_at": time(token.expiresAt),
    ]
  }
}
