#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The listening socket of `AuthorizationCodeListener`: a non-blocking TCP socket on
/// 127.0.0.1. The raw calls stay here; failures are `OAuthError.listener` with `errno`'s text.
struct LoopbackSocket: Sendable {
  let fd: Int32
  let port: Int

  #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
  #else
    private static let streamType = SOCK_STREAM
  #endif

  /// Binds 127.0.0.1:`port` (0 picks a free one) and listens.
  static func make(port: Int) throws -> LoopbackSocket {
    let fd = socket(AF_INET, streamType, 0)
    guard fd >= 0 else { throw failure("open a socket") }
    var ok = false
    defer { if !ok { close(fd) } }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
    address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw failure("listen on 127.0.0.1:\(port)") }
    guard listen(fd, 8) == 0 else { throw failure("listen on 127.0.0.1:\(port)") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { throw failure("read the listening port") }
    ok = true
    return LoopbackSocket(fd: fd, port: Int(UInt16(bigEndian: address.sin_port)))
  }

  /// Waits up to `milliseconds` for a connection; `nil` when none came.
  func nextConnection(waitingUpTo milliseconds: Int32) throws -> Int32? {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ready = poll(&entry, 1, milliseconds)
    if ready < 0 {
      if errno == EINTR { return nil }
      throw Self.failure("wait for the browser")
    }
    guard ready > 0 else { return nil }
    let client = accept(fd, nil, nil)
    if client < 0 {
      if [EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED].contains(errno) { return nil }
      throw Self.failure("accept the browser's connection")
    }
    return client
  }

  /// Reads a request head (up to 8 KiB or a blank line) from a connection, with a timeout.
  static func readHead(_ client: Int32) -> String {
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 2048)
    while bytes.count < 8192 {
      let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      bytes += buffer[0..<count]
      if bytes.count >= 4 && bytes.suffix(4).elementsEqual([13, 10, 13, 10]) { break }
      if let text = String(validating: bytes, as: UTF8.self), text.contains("\r\n\r\n") { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes all of `data` (best effort; the browser may be gone).
  static func writeAll(_ client: Int32, _ data: [UInt8]) {
    var offset = 0
    while offset < data.count {
      let written = data.withUnsafeBytes { send(client, $0.baseAddress! + offset, data.count - offset, 0) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Closes the listening socket.
  func release() {
    _ = close(fd)
  }

  /// Closes a connection.
  static func hangUp(_ client: Int32) {
    _ = close(client)
  }

  private static func failure(_ operation: String) -> OAuthError {
    let code = errno
    return OAuthError(.listener, operation: operation, message: "\(String(cString: strerror(code))) (errno \(code))")
  }
}
