/// Just enough of RFC 6455 for a test client: the upgrade request, masked client frames and
/// the server's unmasked frames.
enum WebSocketFrames {
  static func upgradeRequest(path: String, port: Int) -> String {
    "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
  }

  /// A masked text frame carrying `text`.
  static func clientText(_ text: String) -> [UInt8] {
    let payload = Array(text.utf8)
    var frame: [UInt8] = [0x81]
    if payload.count < 126 {
      frame.append(0x80 | UInt8(payload.count))
    } else {
      frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
    }
    let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
    frame += mask
    frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    return frame
  }

  /// The frames in what the server sent after the upgrade response: opcode and payload. A
  /// frame cut short at the end is left out.
  static func serverFrames(in received: [UInt8]) -> [(opcode: UInt8, payload: [UInt8])] {
    let headerEnd = Array("\r\n\r\n".utf8)
    guard let end = (0..<max(0, received.count - 3)).first(where: { Array(received[$0..<$0 + 4]) == headerEnd })
    else { return [] }
    var index = end + 4
    var frames: [(opcode: UInt8, payload: [UInt8])] = []
    while index + 2 <= received.count {
      let opcode = received[index] & 0x0F
      var length = Int(received[index + 1] & 0x7F)
      var start = index + 2
      if length == 126 {
        guard start + 2 <= received.count else { break }
        length = Int(received[start]) << 8 | Int(received[start + 1])
        start += 2
      } else if length == 127 {
        guard start + 8 <= received.count else { break }
        length = received[start..<start + 8].reduce(0) { $0 << 8 | Int($1) }
        start += 8
      }
      guard start + length <= received.count else { break }
      frames.append((opcode, Array(received[start..<start + length])))
      index = start + length
    }
    return frames
  }

  /// The IRC lines in the text frames, and whether every text frame ended with CR LF.
  static func lines(in received: [UInt8]) -> (lines: [String], wellFormed: Bool) {
    var lines: [String] = []
    var wellFormed = true
    for frame in serverFrames(in: received) where frame.opcode == 1 {
      let text = String(decoding: frame.payload, as: UTF8.self)
      wellFormed = wellFormed && text.hasSuffix("\r\n")
      lines += text.split(separator: "\r\n").map(String.init)
    }
    return (lines, wellFormed)
  }
}
