/// A fast reader of JSON into `JSONValue`, for the subscriber's hot path (one envelope per event),
/// where Foundation's `JSONDecoder` costs far more than the event.
///
/// It reads exactly what `JSONWriter` and the daemon write, and gives the value
/// `WireCoding.decoder` would give. Whenever the input strays from the subset it handles exactly
/// like Foundation (numbers with a fraction or an exponent or beyond `Int64`, `-0`, duplicate keys,
/// lone surrogates, invalid UTF-8, deep nesting, anything malformed) it returns `nil`, and the
/// caller decodes with Foundation instead, which gives the value or the error.
enum JSONReader {
  /// The value of `bytes`, or `nil` when Foundation must decide.
  static func value(_ bytes: [UInt8]) -> JSONValue? {
    bytes.withUnsafeBufferPointer { buffer in
      var cursor = Cursor(buffer)
      guard let value = cursor.value(depth: 0) else { return nil }
      cursor.skipWhitespace()
      // Not `atEnd ? value : nil`: that `nil` would be `JSONValue.null`.
      guard cursor.atEnd else { return nil }
      return value
    }
  }

  private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// The members of the objects being read, innermost last.
    var pending: [(String, JSONValue)] = []
    static let maxDepth = 100

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    mutating func value(depth: Int) -> JSONValue? {
      skipWhitespace()
      guard index < bytes.count, depth < Self.maxDepth else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "\""): return string().map(JSONValue.string)
      case UInt8(ascii: "{"): return object(depth: depth)
      case UInt8(ascii: "["): return array(depth: depth)
      case UInt8(ascii: "t"): return literal("true", .bool(true))
      case UInt8(ascii: "f"): return literal("false", .bool(false))
      case UInt8(ascii: "n"): return literal("null", .null)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer()
      default: return nil
      }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
      let count = word.utf8CodeUnitCount
      guard bytes.count - index >= count else { return nil }
      for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
      index += count
      return value
    }

    private mutating func object(depth: Int) -> JSONValue? {
      index += 1  // {
      skipWhitespace()
      if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object([:])
      }
      // Members collect on a stack shared by every level, so each object's dictionary is made
      // once at its final size.
      let base = pending.count
      defer { pending.removeSubrange(base...) }
      while true {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        guard let value = value(depth: depth + 1) else { return nil }
        pending.append((key, value))
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "}"):
          index += 1
          var members = [String: JSONValue](minimumCapacity: pending.count - base)
          for (key, value) in pending[base...] {
            guard members.updateValue(value, forKey: key) == nil else { return nil }  // a duplicate key
          }
          return .object(members)
        default: return nil
        }
      }
    }

    private mutating func array(depth: Int) -> JSONValue? {
      index += 1  // [
      var elements: [JSONValue] = []
      skipWhitespace()
      if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      while true {
        guard let element = value(depth: depth + 1) else { return nil }
        elements.append(element)
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "]"):
          index += 1
          return .array(elements)
        default: return nil
        }
      }
    }

    /// `-?(0|[1-9][0-9]*)` within `Int64`, not followed by a fraction or an exponent.
    private mutating func integer() -> JSONValue? {
      let negative = bytes[index] == UInt8(ascii: "-")
      if negative { index += 1 }
      let start = index
      var magnitude: UInt64 = 0
      while index < bytes.count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
        let (sum, carry) = times10.addingReportingOverflow(UInt64(digit))
        guard !overflow, !carry else { return nil }
        magnitude = sum
        index += 1
      }
      let digits = index - start
      guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
      if index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
        default: break
        }
      }
      if negative {
        guard magnitude != 0, magnitude <= UInt64(Int64.max) + 1 else { return nil }
        return .int(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))
      }
      guard magnitude <= UInt64(Int64.max) else { return nil }
      return .int(Int64(magnitude))
    }

    /// A string at `"`: copied as is when it has no escapes, else unescaped into a buffer.
    mutating func string() -> String? {
      index += 1  // "
      let start = index
      var union: UInt8 = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
          index += 1
          // ASCII needs no validation; anything else must be valid UTF-8, not repaired.
          return union < 0x80 ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
        }
        if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
        if byte < 0x20 { return nil }
        union |= byte
        index += 1
      }
      return nil
    }

    private mutating func escapedString(from start: Int) -> String? {
      var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""):
          index += 1
          return String(validating: buffer, as: UTF8.self)
        case UInt8(ascii: "\\"):
          index += 1
          guard index < bytes.count else { return nil }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
          case UInt8(ascii: "b"): buffer.append(0x08)
          case UInt8(ascii: "f"): buffer.append(0x0C)
          case UInt8(ascii: "n"): buffer.append(0x0A)
          case UInt8(ascii: "r"): buffer.append(0x0D)
          case UInt8(ascii: "t"): buffer.append(0x09)
          case UInt8(ascii: "u"):
            guard let scalar = unicodeEscape() else { return nil }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
          default: return nil
          }
        case 0x00..<0x20:
          return nil
        default:
          buffer.append(byte)
          index += 1
        }
      }
      return nil
    }

    /// After `\u`: a scalar, from a surrogate pair when it is one; `nil` for a lone surrogate.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let high = hex4() else { return nil }
      switch high {
      case 0xD800..<0xDC00:
        guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        else { return nil }
        index += 2
        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      case 0xDC00..<0xE000:
        return nil
      default:
        return Unicode.Scalar(high)
      }
    }

    private mutating func hex4() -> UInt32? {
      guard bytes.count - index >= 4 else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[index]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
        index += 1
      }
      return value
    }
  }
}
