import NIOSSL
import Testing
import WardenGateway
import WardenTestSupport
import WardenTransport

/// IRC over TLS (`tls://`) against a local NIOSSL server with a self-signed certificate; the
/// simulator has no TLS. (`wss://` goes through WSClient's own NIOSSL setup and is covered only by
/// endpoint parsing here.)
@Suite struct IRCClientTLSTests {
  private func trusting(_ server: TLSLineServer, _ url: String) throws -> IRCClientConfiguration {
    var configuration = try fastIRCConfiguration(url, channels: ["streamer"])
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(server.certificatePath))
    configuration.tlsConfiguration = tls
    return configuration
  }

  @Test func logsInJoinsAndReadsOverTLS() async throws {
    let server = try await TLSLineServer.start()
    try await withIRCClient(try trusting(server, "tls://localhost:\(server.port)")) { irc in
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

  /// The simulator always answers our PING; this server never does.
  @Test func anUnansweredPingReconnects() async throws {
    let server = try await TLSLineServer.start()
    var configuration = try trusting(server, "tls://localhost:\(server.port)")
    configuration.silenceBeforePing = .milliseconds(100)
    configuration.pongTimeout = .milliseconds(200)
    try await withIRCClient(configuration) { irc in
      #expect(await eventually { irc.log.reported(.ready, times: 2) })
      let reconnecting = try #require(irc.log.reports.first { $0.phase == .reconnecting })
      #expect(reconnecting.reason?.contains("no answer to our PING") == true)
    }
    await server.stop()
  }

  /// `wss://` hands the configured TLS settings to WSClient: with the certificate trusted, the
  /// TLS handshake succeeds and the (refused) WebSocket upgrade is what fails.
  @Test func webSocketOverTLSUsesTheConfiguredTrust() async throws {
    let server = try await TLSLineServer.start()
    let url = "wss://localhost:\(server.port)/irc"
    var reasons: [String] = []
    for configuration in [try trusting(server, url), try fastIRCConfiguration(url, channels: ["streamer"])] {
      try await withIRCClient(configuration) { irc in
        #expect(await eventually { irc.log.reported(.reconnecting) })
        reasons.append(irc.log.reports.first { $0.phase == .reconnecting }?.reason ?? "")
      }
    }
    #expect(reasons.count == 2)
    #expect(reasons.first?.contains("upgrade failed") == true)
    #expect(reasons.last?.contains("CERTIFICATE_VERIFY_FAILED") == true)
    await server.stop()
  }
}
