import NIOSSL
import Testing
import WardenGateway
import WardenTestSupport
import WardenTransport

/// IRC over TLS (`tls://`) against a local NIOSSL server with a self-signed certificate; the
/// simulator has no TLS. (`wss://` goes through WSClient's own NIOSSL setup and is covered only by
/// endpoint parsing here.)
@Suite struct IRCClientTLSTests {
  @Test func logsInJoinsAndReadsOverTLS() async throws {
    let server = try await TLSLineServer.start()
    var configuration = try fastIRCConfiguration("tls://localhost:\(server.port)", channels: ["streamer"])
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(server.certificatePath))
    configuration.tlsConfiguration = tls
    try await withIRCClient(configuration) { irc in
      #expect(await eventually { irc.log.texts(in: "streamer") == ["over tls"] })
      #expect(await irc.client.channels() == [IRCChannelStatus(login: "streamer", joined: true, connection: 1)])
    }
    await server.stop()
  }

  @Test func anUntrustedCertificateIsRefused() async throws {
    let server = try await TLSLineServer.start()
    let configuration = try fastIRCConfiguration("tls://localhost:\(server.port)", channels: ["streamer"])
    try await withIRCClient(configuration) { irc in
      #expect(await eventually { irc.log.reported(.reconnecting) })
      #expect(irc.log.reports.first { $0.phase == .reconnecting }?.reason?.contains("connection lost") == true)
      #expect(irc.log.texts(in: "streamer").isEmpty)
    }
    await server.stop()
  }
}
