import CZeroMQ

/// A libzmq socket. Not thread-safe: a socket is made, used and closed by one thread, normally
/// the thread of the `ZMQLoop` that owns it.
public final class ZMQSocket {
  private var handle: UnsafeMutableRawPointer?
  public let type: ZMQSocketType
  /// Held so the context cannot be terminated (which waits for every socket) before this closes.
  private let context: ZMQContext

  /// Opens a socket with a short linger (100 ms), so closing never hangs on an absent peer.
  public init(context: ZMQContext, type: ZMQSocketType) throws(ZMQError) {
    guard let handle = zmq_socket(context.handle, type.rawValue) else {
      throw ZMQError.last("zmq_socket(\(type))")
    }
    self.handle = handle
    self.type = type
    self.context = context
    try set(.linger, 100)
  }

  deinit { close() }

  /// Closes the socket; later calls fail with `ENOTSOCK`.
  public func close() {
    guard let handle else { return }
    zmq_close(handle)
    self.handle = nil
  }

  var rawHandle: UnsafeMutableRawPointer? { handle }

  private func live(_ operation: @autoclosure () -> String) throws(ZMQError) -> UnsafeMutableRawPointer {
    guard let handle else { throw ZMQError(code: ENOTSOCK, operation: operation()) }
    return handle
  }

  public func bind(_ endpoint: String) throws(ZMQError) {
    let handle = try live("zmq_bind(\(endpoint))")
    if zmq_bind(handle, endpoint) != 0 { throw ZMQError.last("zmq_bind(\(endpoint))") }
  }

  public func connect(_ endpoint: String) throws(ZMQError) {
    let handle = try live("zmq_connect(\(endpoint))")
    if zmq_connect(handle, endpoint) != 0 { throw ZMQError.last("zmq_connect(\(endpoint))") }
  }

  public func unbind(_ endpoint: String) throws(ZMQError) {
    let handle = try live("zmq_unbind(\(endpoint))")
    if zmq_unbind(handle, endpoint) != 0 { throw ZMQError.last("zmq_unbind(\(endpoint))") }
  }

  public func disconnect(_ endpoint: String) throws(ZMQError) {
    let handle = try live("zmq_disconnect(\(endpoint))")
    if zmq_disconnect(handle, endpoint) != 0 { throw ZMQError.last("zmq_disconnect(\(endpoint))") }
  }

  // MARK: Sending

  /// Sends one message of one or more frames. With `dontWait`, returns `false` instead of
  /// blocking when the message cannot be queued now (`EAGAIN`); otherwise returns `true`.
  @discardableResult
  public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws(ZMQError) -> Bool {
    guard !frames.isEmpty else { throw ZMQError(code: EINVAL, operation: "zmq_send(\(type)) of no frames") }
    for (index, frame) in frames.enumerated() {
      let more = index < frames.count - 1
      if try !send(frame: frame, more: more, dontWait: dontWait) {
        // libzmq queues a multipart message atomically: only the first frame can be refused.
        return false
      }
    }
    return true
  }

  /// Sends one frame; `more` says that further frames of the same message follow.
  @discardableResult
  public func send(frame: [UInt8], more: Bool = false, dontWait: Bool = false) throws(ZMQError) -> Bool {
    let handle = try live("zmq_send")
    var flags: Int32 = 0
    if more { flags |= ZMQ_SNDMORE }
    if dontWait { flags |= ZMQ_DONTWAIT }
    let result = frame.withUnsafeBytes { bytes in
      retryingInterrupts { zmq_send(handle, bytes.baseAddress, bytes.count, flags) }
    }
    if result >= 0 { return true }
    let error = ZMQError.last("zmq_send(\(type))")
    if error.wouldBlock && dontWait { return false }
    throw error
  }

  /// Sends text frames, encoded as UTF-8 bytes.
  @discardableResult
  public func send(strings: [String], dontWait: Bool = false) throws(ZMQError) -> Bool {
    try send(strings.map { Array($0.utf8) }, dontWait: dontWait)
  }

  // MARK: Receiving

  /// Receives one whole message (every frame). With `dontWait`, returns `nil` when no message is
  /// waiting; otherwise blocks (up to the receive timeout, then also `nil`).
  public func receive(dontWait: Bool = false) throws(ZMQError) -> [[UInt8]]? {
    var frames: [[UInt8]] = []
    while true {
      guard let (frame, more) = try receiveFrame(dontWait: dontWait || !frames.isEmpty) else {
        // The rest of a multipart message is always delivered with its first frame.
        return frames.isEmpty ? nil : frames
      }
      frames.append(frame)
      if !more { return frames }
    }
  }

  private func receiveFrame(dontWait: Bool) throws(ZMQError) -> ([UInt8], Bool)? {
    let handle = try live("zmq_msg_recv")
    var message = zmq_msg_t()
    zmq_msg_init(&message)
    defer { zmq_msg_close(&message) }
    let flags: Int32 = dontWait ? ZMQ_DONTWAIT : 0
    let size = retryingInterrupts { zmq_msg_recv(&message, handle, flags) }
    if size < 0 {
      let error = ZMQError.last("zmq_msg_recv(\(type))")
      if error.wouldBlock { return nil }
      throw error
    }
    let count = zmq_msg_size(&message)
    let frame: [UInt8]
    if count == 0 {
      frame = []
    } else {
      let data = zmq_msg_data(&message)!
      frame = Array(UnsafeRawBufferPointer(start: data, count: count))
    }
    return (frame, zmq_msg_more(&message) != 0)
  }

  // MARK: Options

  public func set(_ option: ZMQOption<Int32>, _ value: Int32) throws(ZMQError) {
    var value = value
    try setRaw(option.code, option.name, &value, MemoryLayout<Int32>.size)
  }

  public func set(_ option: ZMQOption<Int64>, _ value: Int64) throws(ZMQError) {
    var value = value
    try setRaw(option.code, option.name, &value, MemoryLayout<Int64>.size)
  }

  public func set(_ option: ZMQOption<Bool>, _ value: Bool) throws(ZMQError) {
    var value: Int32 = value ? 1 : 0
    try setRaw(option.code, option.name, &value, MemoryLayout<Int32>.size)
  }

  public func set(_ option: ZMQOption<[UInt8]>, _ value: [UInt8]) throws(ZMQError) {
    let handle = try live("zmq_setsockopt(\(option.name))")
    let result = value.withUnsafeBytes { zmq_setsockopt(handle, option.code, $0.baseAddress, $0.count) }
    if result != 0 { throw ZMQError.last("zmq_setsockopt(\(option.name))") }
  }

  public func set(_ option: ZMQOption<[UInt8]>, _ value: String) throws(ZMQError) {
    try set(option, Array(value.utf8))
  }

  private func setRaw(_ code: Int32, _ name: String, _ value: UnsafeRawPointer, _ size: Int) throws(ZMQError) {
    let handle = try live("zmq_setsockopt(\(name))")
    if zmq_setsockopt(handle, code, value, size) != 0 { throw ZMQError.last("zmq_setsockopt(\(name))") }
  }

  public func get(_ option: ZMQOption<Int32>) throws(ZMQError) -> Int32 {
    var value: Int32 = 0
    try getRaw(option.code, option.name, &value, MemoryLayout<Int32>.size)
    return value
  }

  public func get(_ option: ZMQOption<Int64>) throws(ZMQError) -> Int64 {
    var value: Int64 = 0
    try getRaw(option.code, option.name, &value, MemoryLayout<Int64>.size)
    return value
  }

  public func get(_ option: ZMQOption<Bool>) throws(ZMQError) -> Bool {
    var value: Int32 = 0
    try getRaw(option.code, option.name, &value, MemoryLayout<Int32>.size)
    return value != 0
  }

  public func get(_ option: ZMQOption<String>) throws(ZMQError) -> String {
    var buffer = [UInt8](repeating: 0, count: 1024)
    let handle = try live("zmq_getsockopt(\(option.name))")
    var size = buffer.count
    if zmq_getsockopt(handle, option.code, &buffer, &size) != 0 {
      throw ZMQError.last("zmq_getsockopt(\(option.name))")
    }
    let end = buffer.firstIndex(of: 0) ?? size
    return String(decoding: buffer[..<min(end, size)], as: UTF8.self)
  }

  private func getRaw(_ code: Int32, _ name: String, _ value: UnsafeMutableRawPointer, _ size: Int) throws(ZMQError) {
    let handle = try live("zmq_getsockopt(\(name))")
    var size = size
    if zmq_getsockopt(handle, code, value, &size) != 0 { throw ZMQError.last("zmq_getsockopt(\(name))") }
  }
}
