import Foundation

/// A JSON value that keeps object keys in the order they were written, so every message the
/// server sends reads like Twitch's: same keys, same nesting, `null` where Twitch sends `null`.
indirect enum EventSubJSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([EventSubJSON])
  /// An object; build one with `object(_:)` from key-value pairs.
  case members([Member])

  /// One key and its value in an object.
  struct Member: Sendable, Equatable {
    var key: String
    var value: EventSubJSON
  }

  /// An object from `(key, value)` pairs, in that order.
  static func object(_ pairs: KeyValuePairs<String, EventSubJSON>) -> EventSubJSON {
    .members(pairs.map { Member(key: $0.key, value: $0.value) })
  }

  /// A string, or `null` when absent.
  static func string(_ value: String?) -> EventSubJSON { value.map { .string($0) } ?? .null }

  /// An RFC 3339 timestamp with nanoseconds, as Twitch writes them (`2023-07-19T14:56:51.634234626Z`).
  static func timestamp(_ date: Date) -> EventSubJSON { .string(EventSubTime.rfc3339(date)) }

  /// The member `key` of an object, for tests and lookups.
  subscript(key: String) -> EventSubJSON? {
    guard case .members(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// Compact JSON text.
  var text: String {
    var out = ""
    write(to: &out)
    return out
  }

  private func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .string(let value): Self.writeString(value, to: &out)
    case .array(let values):
      out += "["
      for (index, value) in values.enumerated() {
        if index > 0 { out += "," }
        value.write(to: &out)
      }
      out += "]"
    case .members(let members):
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        Self.writeString(member.key, to: &out)
        out += ":"
        member.value.write(to: &out)
      }
      out += "}"
    }
  }

  private static func writeString(_ value: String, to out: inout String) {
    out += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}

extension EventSubJSON: ExpressibleByStringLiteral {
  init(stringLiteral value: String) { self = .string(value) }
}

/// Twitch's EventSub timestamps: RFC 3339, UTC, nanoseconds.
enum EventSubTime {
  static func rfc3339(_ date: Date) -> String {
    let seconds = date.timeIntervalSince1970
    var whole = seconds.rounded(.down)
    var nanoseconds = Int(((seconds - whole) * 1_000_000_000).rounded())
    if nanoseconds >= 1_000_000_000 {
      whole += 1
      nanoseconds -= 1_000_000_000
    }
    let base = Date(timeIntervalSince1970: whole).formatted(.iso8601)  // 2023-07-19T14:56:51Z
    let digits = String(nanoseconds)
    return base.dropLast() + "." + String(repeating: "0", count: 9 - digits.count) + digits + "Z"
  }
}
