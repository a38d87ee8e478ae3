import Foundation
import Synchronization
import WardenProtocol
import WardenZeroMQ

/// A stand-in for wardend's command socket in a temporary runtime directory: it answers every
/// request with `answer` and keeps the requests, so a test sees what the CLI sent and printed.
final class StubDaemon: Sendable {
  typealias Answer = @Sendable (CommandRequest) -> Result<JSONValue, ProtocolError>

  /// The runtime directory, for `--runtime-dir`.
  let directory: String
  private let answer: Answer
  private let context: ZMQContext
  private let stopping = Atomic<Bool>(false)
  private let received = Mutex<[CommandRequest]>([])

  private init(directory: String, answer: @escaping Answer) throws {
    self.directory = directory
    self.answer = answer
    self.context = try ZMQContext()
  }

  /// Binds the command socket and writes `daemon.json`, as wardend does.
  static func start(answer: @escaping Answer) async throws -> StubDaemon {
    var template = Array("/tmp/wcli-XXXXXX".utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      throw CocoaError(.fileWriteUnknown)
    }
    let directory = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let stub = try StubDaemon(directory: directory, answer: answer)
    let paths = RuntimePaths(directory: directory)
    let bound: Result<Void, ZMQError> = await withCheckedContinuation { continuation in
      Thread { stub.serve(paths.endpoints.commands, ready: continuation) }.start()
    }
    try bound.get()
    let info = DaemonInfo(
      protocolVersion: WardenVersion.wireProtocol, serverVersion: "stub", pid: getpid(), epoch: "stub",
      startedAt: 0, endpoints: paths.endpoints)
    try Data(try WireCoding.encode(info)).write(to: URL(fileURLWithPath: paths.infoFile))
    return stub
  }

  /// The requests served so far, in order.
  var requests: [CommandRequest] { received.withLock { $0 } }

  /// Stops serving and removes the runtime directory.
  func stop() async throws {
    stopping.store(true, ordering: .relaxed)
    try await Task.sleep(for: .milliseconds(100))
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func serve(_ endpoint: String, ready: CheckedContinuation<Result<Void, ZMQError>, Never>) {
    let socket: ZMQSocket
    do {
      socket = try ZMQSocket(context: context, type: .router)
      try socket.set(.receiveTimeout, 20)
      try socket.bind(endpoint)
    } catch {
      ready.resume(returning: .failure(error))
      return
    }
    ready.resume(returning: .success(()))
    defer { socket.close() }
    while !stopping.load(ordering: .relaxed) {
      guard let frames = try? socket.receive(), frames.count == 3 else { continue }
      guard case .success(let request) = RequestDecoder.decode(frames[2], maxBytes: 1 << 20) else { continue }
      received.withLock { $0.append(request) }
      let reply = CommandReply(id: request.id, outcome: answer(request))
      _ = try? socket.send([frames[0], frames[1], reply.encoded()])
    }
  }
}
