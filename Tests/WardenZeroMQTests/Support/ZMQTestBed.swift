import Foundation
import Synchronization
import WardenZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

/// One context, the sockets a test opens on it and a private temporary directory for `ipc://`
/// endpoints. The bed closes its sockets when it goes, so the context (whose `zmq_ctx_term`
/// waits for every socket) ends with the test, and removes the directory.
final class ZMQTestBed {
  let context: ZMQContext
  private var sockets: [ZMQSocket] = []
  private var directory: String?

  init() throws {
    context = try ZMQContext()
  }

  deinit {
    for socket in sockets { socket.close() }
    if let directory { try? FileManager.default.removeItem(atPath: directory) }
  }

  /// Opens a socket that the bed closes when it goes away.
  func socket(_ type: ZMQSocketType) throws -> ZMQSocket {
    let socket = try ZMQSocket(context: context, type: type)
    sockets.append(socket)
    return socket
  }

  /// A unique `ipc://` endpoint in the bed's own directory, well under the 107-byte limit of
  /// `sun_path`.
  func ipcEndpoint(_ name: String = "x") throws -> String {
    "ipc://" + (try ipcPath(name))
  }

  /// The file system path behind `ipcEndpoint(name)`.
  func ipcPath(_ name: String = "x") throws -> String {
    if directory == nil { directory = try makeTemporaryDirectory() }
    return directory! + "/" + name
  }

  /// A unique `inproc://` endpoint.
  func inprocEndpoint(_ name: String = "x") -> String {
    "inproc://\(name)-\(UUID().uuidString.lowercased())"
  }

  /// Binds `socket` to a transport's endpoint and returns the endpoint a peer connects to (for
  /// TCP the port libzmq picked, read back from `ZMQ_LAST_ENDPOINT`).
  func bind(_ socket: ZMQSocket, on transport: Transport) throws -> String {
    switch transport {
    case .inproc:
      let endpoint = inprocEndpoint()
      try socket.bind(endpoint)
      return endpoint
    case .ipc:
      let endpoint = try ipcEndpoint()
      try socket.bind(endpoint)
      return endpoint
    case .tcp:
      try socket.bind("tcp://127.0.0.1:*")
      return try socket.get(.lastEndpoint)
    }
  }

  /// A bound and a connected socket on `transport`, returned as (bound, connected).
  func connectedPair(
    _ boundType: ZMQSocketType, _ connectedType: ZMQSocketType, on transport: Transport
  ) throws -> (ZMQSocket, ZMQSocket) {
    let bound = try socket(boundType)
    let connected = try socket(connectedType)
    let endpoint = try bind(bound, on: transport)
    try connected.connect(endpoint)
    return (bound, connected)
  }
}

/// The transports Warden uses.
enum Transport: String, CaseIterable, Sendable, CustomStringConvertible {
  case inproc, ipc, tcp

  var description: String { rawValue }
}

/// Makes `/tmp/wz-XXXXXX` (mode 0700): short enough for any `ipc://` name below it.
func makeTemporaryDirectory() throws -> String {
  var template = Array("/tmp/wz-XXXXXX".utf8CString)
  let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
  guard made != nil else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
  return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

extension ZMQSocket {
  /// Waits up to `milliseconds` for a whole message, `nil` when none arrived in time.
  func receive(waitingAtMost milliseconds: Int32) throws -> [[UInt8]]? {
    try set(.receiveTimeout, milliseconds)
    return try receive()
  }

  /// Waits up to 5 s for a message; generous, so a slow machine does not fail a test.
  func receiveSoon() throws -> [[UInt8]]? {
    try receive(waitingAtMost: 5000)
  }
}

/// The bytes `0, 1, …, 250, 0, 1, …` of `count`: content that a shifted or truncated copy does
/// not match.
func patternBytes(count: Int, seed: Int = 0) -> [UInt8] {
  (0..<count).map { UInt8(truncatingIfNeeded: ($0 + seed) % 251) }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held. For waiting
/// on another thread without asserting how fast it is.
func eventually(
  timeout: Duration = .seconds(5), _ condition: () throws -> Bool
) async rethrows -> Bool {
  let clock = ContinuousClock()
  let deadline = clock.now.advanced(by: timeout)
  while clock.now < deadline {
    if try condition() { return true }
    try? await Task.sleep(for: .milliseconds(5))
  }
  return try condition()
}

/// A value shared between a test and another thread.
final class Shared<Value: Sendable>: Sendable {
  private let storage: Mutex<Value>

  init(_ value: Value) { storage = Mutex(value) }

  var value: Value { storage.withLock { $0 } }

  func update<R: Sendable>(_ body: (inout Value) -> R) -> R {
    storage.withLock { body(&$0) }
  }
}
