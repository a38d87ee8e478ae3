import Foundation

/// Helix's JSON: the `{"data":[…]}` envelope, bodies, and RFC 3339 timestamps.
enum HelixJSON {
  /// `{"data":[…]}`, with the extra numbers some endpoints add.
  struct Envelope<Item: Decodable>: Decodable {
    var data: [Item]
    var total: Int?
    var totalCost: Int?
    var maxTotalCost: Int?

    enum CodingKeys: String, CodingKey {
      case data, total
      case totalCost = "total_cost"
      case maxTotalCost = "max_total_cost"
    }
  }

  static func decode<Item: Decodable>(
    _ type: Item.Type, from data: Data, endpoint: HelixEndpoint
  ) throws -> Envelope<Item> {
    do {
      return try JSONDecoder().decode(Envelope<Item>.self, from: data)
    } catch {
      throw HelixError(.decoding, endpoint: endpoint, message: DecodingFailure.describe(error))
    }
  }

  /// The first item of `data`, which endpoints acting on one thing always return.
  static func first<Item: Decodable>(_ type: Item.Type, from data: Data, endpoint: HelixEndpoint) throws -> Item {
    guard let item = try decode(type, from: data, endpoint: endpoint).data.first else {
      throw HelixError(.decoding, endpoint: endpoint, message: "empty data")
    }
    return item
  }

  static func encode(_ body: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(body)) ?? Data("{}".utf8)
  }

  /// `2024-05-01T12:00:00Z` or `2024-05-01T12:00:00.123456Z`; `nil` for an empty string.
  static func date(_ text: String?) -> Date? {
    guard let text, !text.isEmpty else { return nil }
    if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
    if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
      return date
    }
    // More than three fraction digits (Twitch's EventSub timestamps have nine): drop the rest.
    if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" }) {
      let trimmed = String(text[..<dot]) + String(text[dot...].prefix(4)) + String(text[zone...])
      return try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
    return nil
  }
}

extension KeyedDecodingContainer {
  /// A Helix timestamp field: absent, null, empty or unparseable is `nil`.
  func helixDate(_ key: Key) -> Date? {
    HelixJSON.date((try? decodeIfPresent(String.self, forKey: key)) ?? nil)
  }
}
