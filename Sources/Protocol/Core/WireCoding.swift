import Foundation

/// The JSON coders for typed payloads. Keys are spelled out in each type's `CodingKeys`
/// (snake_case on the wire), so no key strategy is involved.
public enum WireCoding {
  public static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  public static let decoder = JSONDecoder()

  /// Encodes a typed payload to compact JSON bytes.
  public static func encode(_ value: some Encodable) throws -> [UInt8] {
    Array(try encoder.encode(value))
  }

  /// Encodes a typed payload into a `JSONValue`.
  public static func value(_ value: some Encodable) throws -> JSONValue {
    try decoder.decode(JSONValue.self, from: encoder.encode(value))
  }

  /// Decodes a typed payload from a `JSONValue`.
  public static func decode<T: Decodable>(_: T.Type, from value: JSONValue) throws -> T {
    try decoder.decode(T.self, from: Data(value.jsonBytes))
  }
}
