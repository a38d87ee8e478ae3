import Foundation
import Hummingbird
import TwitchSimCore

/// Encoding and decoding of the JSON bodies Twitch sends and accepts.
enum JSONBody {
  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  static func bytes(_ value: JSONParam) -> ByteBuffer {
    // Encoding a JSONParam cannot fail: every case maps to a JSON value.
    ByteBuffer(bytes: (try? encoder.encode(value)) ?? Data("null".utf8))
  }

  /// A JSON response with Twitch's content type.
  static func response(_ value: JSONParam, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
    var headers = headers
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: bytes(value)))
  }

  /// Parses a request body; `nil` for an empty body.
  static func decode(_ buffer: ByteBuffer) throws(SimError) -> JSONParam? {
    guard buffer.readableBytes > 0 else { return nil }
    do {
      return try JSONDecoder().decode(JSONParam.self, from: Data(buffer.readableBytesView))
    } catch {
      throw .badRequest("The request body is not valid JSON.")
    }
  }
}
