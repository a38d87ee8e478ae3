import NIOCore

/// Lines on their way to many clients, encoded once per set of capabilities among the
/// recipients: the common case (every capability) costs one buffer for all of them.
struct OutboundBatch {
  private enum Source {
    case lines([IRCLine])
    case raw([String])
  }

  private let source: Source
  private var parsed: [IRCLine]?
  private var buffers: [IRCCapabilities: (bytes: ByteBuffer, lines: Int)] = [:]

  init(lines: [IRCLine]) { source = .lines(lines) }

  /// Raw lines, sent byte for byte to clients with every capability.
  init(rawLines: [String]) { source = .raw(rawLines) }

  var lineCount: Int {
    switch source {
    case .lines(let lines): lines.count
    case .raw(let lines): lines.count
    }
  }

  /// The bytes a client with `capabilities` receives and how many lines they hold, or `nil`
  /// when there are none.
  mutating func buffer(for capabilities: IRCCapabilities) -> (bytes: ByteBuffer, lines: Int)? {
    let encoded = buffers[capabilities] ?? encode(for: capabilities)
    buffers[capabilities] = encoded
    return encoded.lines == 0 ? nil : encoded
  }

  private mutating func encode(for capabilities: IRCCapabilities) -> (bytes: ByteBuffer, lines: Int) {
    let texts: [String]
    switch source {
    case .raw(let raw) where capabilities == .all:
      texts = raw
    case .raw(let raw):
      let lines = parsed ?? raw.map(IRCLine.init(raw:))
      parsed = lines
      texts = lines.compactMap { $0.text(for: capabilities) }
    case .lines(let lines):
      texts = lines.compactMap { $0.text(for: capabilities) }
    }
    return (Self.encode(texts), texts.count)
  }

  /// Each line followed by CR LF, in one buffer.
  static func encode(_ lines: [String]) -> ByteBuffer {
    var size = 0
    for line in lines { size += line.utf8.count + 2 }
    var buffer = ByteBufferAllocator().buffer(capacity: size)
    for line in lines {
      buffer.writeString(line)
      buffer.writeStaticString("\r\n")
    }
    return buffer
  }
}
