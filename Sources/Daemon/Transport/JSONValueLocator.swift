/// Finds where a value sits in JSON bytes, by key path through nested objects, skipping
/// everything else without decoding it. Keys are compared byte for byte (escaped keys never
/// match). Malformed JSON yields `nil`.
enum JSONValueLocator {
  static func range(of path: [String], in bytes: [UInt8]) -> Range<Int>? {
    var scanner = Scanner(bytes: bytes)
    for key in path {
      guard scanner.enterMember(named: Array(key.utf8)) else { return nil }
    }
    scanner.skipSpace()
    let start = scanner.index
    guard scanner.skipValue() else { return nil }
    return start..<scanner.index
  }

  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
      while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// At an object: moves to the value of member `key`.
    mutating func enterMember(named key: [UInt8]) -> Bool {
      skipSpace()
      guard current == UInt8(ascii: "{") else { return false }
      index += 1
      while true {
        skipSpace()
        guard current == UInt8(ascii: "\"") else { return false }
        let name = index + 1
        guard skipString() else { return false }
        let matches = bytes[name..<index - 1].elementsEqual(key)
        skipSpace()
        guard current == UInt8(ascii: ":") else { return false }
        index += 1
        if matches { return true }
        skipSpace()
        guard skipValue() else { return false }
        skipSpace()
        guard current == UInt8(ascii: ",") else { return false }
        index += 1
      }
    }

    /// Past one value of any kind.
    mutating func skipValue() -> Bool {
      skipSpace()
      guard let byte = current else { return false }
      switch byte {
      case UInt8(ascii: "\""):
        return skipString()
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        return skipContainer()
      default:
        let start = index
        while let byte = current, !Self.ends(byte) { index += 1 }
        return index > start
      }
    }

    /// Past a string, from its opening quote.
    private mutating func skipString() -> Bool {
      index += 1
      while let byte = current {
        index += 1
        if byte == UInt8(ascii: "\\") {
          index += 1
        } else if byte == UInt8(ascii: "\"") {
          return index <= bytes.count
        }
      }
      return false
    }

    /// Past an object or array, strings inside included.
    private mutating func skipContainer() -> Bool {
      var depth = 0
      while let byte = current {
        switch byte {
        case UInt8(ascii: "\""):
          guard skipString() else { return false }
          continue
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
        default:
          break
        }
        index += 1
        if depth == 0 { return true }
      }
      return false
    }

    private static func ends(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20
        || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
  }
}
