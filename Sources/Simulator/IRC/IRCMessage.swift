/// A line a client sent: IRCv3 tags, an optional prefix, the command and its parameters.
/// Parsing works on the UTF-8 bytes and never fails on garbage beyond returning `nil`.
struct IRCMessage: Hashable, Sendable {
  /// Client tags, unescaped (`reply-parent-msg-id`, `client-nonce`…).
  var tags: [String: String]
  var prefix: String?
  /// The command as sent.
  var command: String
  /// Middle parameters, then the trailing one (without its colon).
  var params: [String]

  /// The command in upper case, for matching.
  var verb: String { command.uppercased() }

  init(tags: [String: String] = [:], prefix: String? = nil, command: String, params: [String] = []) {
    self.tags = tags
    self.prefix = prefix
    self.command = command
    self.params = params
  }

  /// Parses one line (without CR LF); `nil` when it holds no command.
  init?(parsing line: String) {
    let bytes = Array(line.utf8)
    var index = 0
    func skipSpaces() {
      while index < bytes.count && bytes[index] == .space { index += 1 }
    }
    func word() -> ArraySlice<UInt8> {
      let start = index
      while index < bytes.count && bytes[index] != .space { index += 1 }
      return bytes[start..<index]
    }

    skipSpaces()
    var tags: [String: String] = [:]
    if index < bytes.count && bytes[index] == .at {
      index += 1
      tags = Self.parseTags(word())
      skipSpaces()
    }
    var prefix: String?
    if index < bytes.count && bytes[index] == .colon {
      index += 1
      prefix = String(decoding: word(), as: UTF8.self)
      skipSpaces()
    }
    let command = word()
    guard !command.isEmpty else { return nil }
    var params: [String] = []
    while true {
      skipSpaces()
      guard index < bytes.count else { break }
      if bytes[index] == .colon {
        params.append(String(decoding: bytes[(index + 1)...], as: UTF8.self))
        break
      }
      params.append(String(decoding: word(), as: UTF8.self))
    }
    self.init(tags: tags, prefix: prefix, command: String(decoding: command, as: UTF8.self), params: params)
  }

  private static func parseTags(_ bytes: ArraySlice<UInt8>) -> [String: String] {
    var tags: [String: String] = [:]
    for pair in bytes.split(separator: .semicolon, omittingEmptySubsequences: true) {
      let key: ArraySlice<UInt8>
      let value: String
      if let equals = pair.firstIndex(of: .equals) {
        key = pair[pair.startIndex..<equals]
        value = IRCTagValue.unescape(pair[(equals + 1)...])
      } else {
        key = pair
        value = ""
      }
      guard !key.isEmpty else { continue }
      tags[String(decoding: key, as: UTF8.self)] = value
    }
    return tags
  }
}

extension UInt8 {
  static let space = UInt8(ascii: " ")
  static let at = UInt8(ascii: "@")
  static let colon = UInt8(ascii: ":")
  static let semicolon = UInt8(ascii: ";")
  static let equals = UInt8(ascii: "=")
  static let backslash = UInt8(ascii: "\\")
  static let carriageReturn = UInt8(ascii: "\r")
  static let lineFeed = UInt8(ascii: "\n")
}
