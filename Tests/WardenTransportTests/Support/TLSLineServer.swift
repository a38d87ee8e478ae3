import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A tiny IRC server behind TLS, with a self-signed certificate for `localhost` made by the
/// `openssl` command: it welcomes any NICK, echoes JOINs and says one PRIVMSG in each channel. It
/// never answers PING, and answers an HTTP request (a WebSocket upgrade) with 400.
final class TLSLineServer: Sendable {
  let channel: any Channel
  let certificatePath: String
  private let directory: String

  var port: Int { channel.localAddress?.port ?? 0 }

  static func start() async throws -> TLSLineServer {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let key = directory + "/key.pem"
    let certificate = directory + "/cert.pem"
    try makeCertificate(key: key, certificate: certificate)
    let configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
      privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
    let context = try NIOSSLContext(configuration: configuration)
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
          try channel.pipeline.syncOperations.addHandler(FakeIRCHandler())
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    return TLSLineServer(channel: channel, certificatePath: certificate, directory: directory)
  }

  private init(channel: any Channel, certificatePath: String, directory: String) {
    self.channel = channel
    self.certificatePath = certificatePath
    self.directory = directory
  }

  func stop() async {
    try? await channel.close()
    try? FileManager.default.removeItem(atPath: directory)
  }

  private static func makeCertificate(key: String, certificate: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
      "-out", certificate, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw FixtureError("openssl could not make a certificate") }
  }
}

/// The server side of one connection: reads lines, answers NICK and JOIN.
private final class FakeIRCHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private var pending = ""
  private var nick = "nobody"

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var buffer = unwrapInboundIn(data)
    pending += buffer.readString(length: buffer.readableBytes) ?? ""
    while let end = pending.firstRange(of: "\r\n") {
      let line = String(pending[..<end.lowerBound])
      pending = String(pending[end.upperBound...])
      answer(line, context: context)
    }
  }

  private func answer(_ line: String, context: ChannelHandlerContext) {
    if line.hasPrefix("GET ") {
      let refusal = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
      context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: refusal)), promise: nil)
      context.close(promise: nil)
      return
    }
    let words = line.split(separator: " ")
    guard let command = words.first else { return }
    var replies: [String] = []
    switch command {
    case "NICK":
      nick = words.count > 1 ? String(words[1]) : nick
      replies = [":tmi.twitch.tv 001 \(nick) :Welcome, GLHF!"]
    case "JOIN":
      for channel in (words.count > 1 ? words[1] : "").split(separator: ",") {
        replies.append(":\(nick)!\(nick)@\(nick).tmi.twitch.tv JOIN \(channel)")
        replies.append("@id=tls-1 :someone!someone@someone.tmi.twitch.tv PRIVMSG \(channel) :over tls")
      }
    default:
      return
    }
    let text = replies.map { $0 + "\r\n" }.joined()
    context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
  }
}
