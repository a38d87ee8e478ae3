import Foundation
import TwitchSimCore

/// Twitch's opaque pagination cursors. Helix cursors are base64 JSON such as
/// `{"b":null,"a":{"Offset":100}}`; the simulator makes the same shape and reads the offset
/// back, so a cursor stays valid while the list beneath it changes (as Twitch's do).
enum HelixCursor {
  static func encode(offset: Int) -> String {
    Data(#"{"b":null,"a":{"Offset":\#(offset)}}"#.utf8).base64EncodedString()
  }

  /// The offset in a cursor this simulator made, `nil` for anything else.
  static func decode(_ cursor: String) -> Int? {
    var padded = cursor
    while padded.utf8.count % 4 != 0 { padded += "=" }
    guard let data = Data(base64Encoded: padded),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let after = object["a"] as? [String: Any], let offset = after["Offset"] as? Int, offset >= 0
    else { return nil }
    return offset
  }

  /// One page of `items` after `cursor`, and the cursor of the next page when there is one.
  static func page<Item>(_ items: [Item], first: Int, after cursor: String?) throws(SimError) -> (
    items: ArraySlice<Item>, next: String?
  ) {
    var start = 0
    if let cursor {
      guard let offset = decode(cursor) else {
        throw .badRequest("The cursor in the after query parameter is not valid.")
      }
      start = min(offset, items.count)
    }
    let end = min(start + first, items.count)
    return (items[start..<end], end < items.count ? encode(offset: end) : nil)
  }
}
