import Logging
import NIOSSL
import WSClient

extension IRCClient {
  /// One socket from credentials to close: fetch the credentials, open, read until closed.
  func runConnection(_ key: IRCLinkKey, tls: NIOSSLContext?) async {
    let credentials = await self.credentials()
    guard let setup = core.withLock({ $0.prepare(key, credentials: credentials) }) else {
      core.withLock { $0.ended(key, error: nil, now: .now) }
      return
    }
    let reader = IRCLineReader(
      key: key, nick: setup.nick, inbox: setup.inbox,
      opened: { key, connection in self.core.withLock { $0.opened(key, connection: connection, now: .now) } },
      signal: { key, signal in self.core.withLock { $0.signal(key, signal, now: .now) } })
    var logger = self.logger
    logger[metadataKey: "irc.connection"] = "\(key.shard.index + 1)"
    logger[metadataKey: "irc.socket"] = "\(key.id)"
    logger.debug("IRC connecting", metadata: ["irc.nick": "\(setup.nick)"])
    var failure: String?
    do {
      try await open(reader: reader, tls: tls, logger: logger)
    } catch {
      failure = "\(error)"
    }
    logger.debug("IRC socket ended", metadata: failure.map { ["irc.error": "\($0)"] } ?? [:])
    core.withLock { $0.ended(key, error: failure, now: .now) }
  }

  private func open(reader: IRCLineReader, tls: NIOSSLContext?, logger: Logger) async throws {
    let endpoint = configuration.endpoint
    if endpoint.scheme.isWebSocket {
      var options = WebSocketTransport.Options()
      options.maxMessageBytes = configuration.maxLineBytes
      _ = try await WebSocketTransport.run(
        url: endpoint.url, tls: endpoint.scheme.usesTLS ? configuration.tlsConfiguration : nil, options: options,
        logger: logger, receiver: reader)
    } else {
      try await SocketTransport.run(
        host: endpoint.host, port: endpoint.port, tls: tls,
        serverHostname: endpoint.hostIsIPAddress ? nil : endpoint.host,
        maxLineBytes: configuration.maxLineBytes, connectTimeout: configuration.handshakeTimeout, receiver: reader)
    }
  }
}
