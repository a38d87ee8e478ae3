import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits bytes holding IRC lines at LF, dropping a CR before it and skipping empty lines. The
/// bytes after the last LF count as one more line (a WebSocket frame may omit the last CRLF).
enum LineSplitter {
  static func forEachLine(in buffer: ByteBuffer, _ body: (UnsafeRawBufferPointer) -> Void) {
    buffer.withUnsafeReadableBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      var start = 0
      while start < bytes.count {
        let end = firstNewline(base, from: start, count: bytes.count) ?? bytes.count
        var lineEnd = end
        if lineEnd > start && bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
        if lineEnd > start { body(UnsafeRawBufferPointer(rebasing: bytes[start..<lineEnd])) }
        start = end + 1
      }
    }
  }

  /// The offset of the first LF in `buffer`'s readable bytes, if any.
  static func firstNewline(in buffer: ByteBuffer) -> Int? {
    buffer.withUnsafeReadableBytes { bytes in
      guard let base = bytes.baseAddress else { return nil }
      return firstNewline(base, from: 0, count: bytes.count)
    }
  }

  /// The offset of the last LF in `buffer`'s readable bytes, if any.
  static func lastNewline(in buffer: ByteBuffer) -> Int? {
    buffer.withUnsafeReadableBytes { bytes in bytes.lastIndex(of: 10) }
  }

  @inline(__always)
  private static func firstNewline(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int? {
    guard let found = memchr(base + start, 10, count - start) else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
  }
}
