/// IRCv3 tag value escaping: `;` ↔ `\:`, space ↔ `\s`, `\` ↔ `\\`, CR ↔ `\r`, LF ↔ `\n`.
enum IRCTagValue {
  /// Appends `value` to `output`, escaped.
  static func escape(_ value: String, into output: inout String) {
    guard value.utf8.contains(where: needsEscape) else {
      output.append(value)
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case ";": output.append("\\:")
      case " ": output.append("\\s")
      case "\\": output.append("\\\\")
      case "\r": output.append("\\r")
      case "\n": output.append("\\n")
      default: output.unicodeScalars.append(scalar)
      }
    }
  }

  static func escape(_ value: String) -> String {
    var output = ""
    escape(value, into: &output)
    return output
  }

  /// The value a client meant: escapes resolved, an unknown escape `\x` read as `x`, a lone
  /// trailing backslash dropped.
  static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
    guard bytes.contains(.backslash) else { return String(decoding: bytes, as: UTF8.self) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var escaping = false
    for byte in bytes {
      if escaping {
        switch byte {
        case UInt8(ascii: ":"): output.append(.semicolon)
        case UInt8(ascii: "s"): output.append(.space)
        case UInt8(ascii: "r"): output.append(.carriageReturn)
        case UInt8(ascii: "n"): output.append(.lineFeed)
        default: output.append(byte)
        }
        escaping = false
      } else if byte == .backslash {
        escaping = true
      } else {
        output.append(byte)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte == .semicolon || byte == .space || byte == .backslash || byte == .carriageReturn || byte == .lineFeed
  }
}
