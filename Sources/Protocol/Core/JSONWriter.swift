/// Writes compact JSON straight into bytes: the hot path for envelopes and replies, where
/// Foundation's encoder would cost more than the message. Object keys of `JSONValue` objects are
/// written sorted, so equal values give equal bytes.
public struct JSONWriter: Sendable {
  public private(set) var bytes: [UInt8]

  public init(capacity: Int = 256) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  public mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Text known to need no escaping (identifiers of `[a-z0-9_]`), copied as UTF-8.
  public mutating func plain(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  public mutating func raw(_ fragment: [UInt8]) {
    bytes.append(contentsOf: fragment)
  }

  /// A decimal integer, written digit by digit without making a `String`.
  public mutating func integer(_ value: some BinaryInteger) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      unsigned(UInt64(value.magnitude))
    } else {
      unsigned(UInt64(value))
    }
  }

  private mutating func unsigned(_ value: UInt64) {
    var width = 1
    var scale: UInt64 = 10
    while width < 20 && value >= scale {
      width += 1
      scale = scale &* 10
    }
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
    var rest = value
    for index in stride(from: start + width - 1, through: start, by: -1) {
      bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
  }

  public mutating func double(_ value: Double) {
    if value.isFinite {
      bytes.append(contentsOf: "\(value)".utf8)
    } else {
      raw("null")  // JSON has no NaN or infinities
    }
  }

  /// A JSON string with everything JSON requires escaped; other UTF-8 passes through as bytes.
  public mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { string(utf8: $0) }
  }

  /// A JSON string from UTF-8 bytes that are already valid UTF-8.
  public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
    string(utf8: utf8, shortBackspaceAndFormFeed: false)
  }

  /// A JSON string escaped exactly as `WireCoding.encode` (Foundation's `JSONEncoder`) escapes
  /// it: like `string(_:)`, but backspace and form feed as `\b` and `\f`. Typed payloads written
  /// by hand use it, so that they match the `Codable` path byte for byte.
  public mutating func wireString(_ value: String) {
    var value = value
    value.withUTF8 { string(utf8: $0, shortBackspaceAndFormFeed: true) }
  }

  public mutating func optionalWireString(_ value: String?) {
    if let value { wireString(value) } else { raw("null") }
  }

  private mutating func string(utf8: UnsafeBufferPointer<UInt8>, shortBackspaceAndFormFeed: Bool) {
    bytes.append(UInt8(ascii: "\""))
    // Most strings need no escape at all: copy them in one go.
    if !utf8.contains(where: Self.needsEscape) {
      bytes.append(contentsOf: utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0x08 where shortBackspaceAndFormFeed: raw("\\b")
      case 0x0C where shortBackspaceAndFormFeed: raw("\\f")
      case 0x00..<0x20:
        raw("\\u00")
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  public mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { raw("null") }
  }

  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: raw("null")
    case .bool(let flag): flag ? raw("true") : raw("false")
    case .int(let number): integer(number)
    case .double(let number): double(number)
    case .string(let text): string(text)
    case .array(let elements):
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        self.value(element)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      bytes.append(UInt8(ascii: "{"))
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
        self.value(members[key]!)
      }
      bytes.append(UInt8(ascii: "}"))
    }
  }

  @inline(__always)
  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

extension JSONValue {
  /// This value as compact JSON bytes (object keys sorted).
  public var jsonBytes: [UInt8] {
    var writer = JSONWriter()
    writer.value(self)
    return writer.bytes
  }
}
