import Testing
import WardenTransport

@Suite struct IRCEndpointTests {
  struct Valid: Sendable, CustomTestStringConvertible {
    let text: String
    let endpoint: IRCEndpoint
    let url: String
    var testDescription: String { text }
  }

  static let valid: [Valid] = [
    Valid(
      text: "wss://irc-ws.chat.twitch.tv:443",
      endpoint: IRCEndpoint(scheme: .wss, host: "irc-ws.chat.twitch.tv", port: 443, path: "/"),
      url: "wss://irc-ws.chat.twitch.tv:443/"),
    Valid(
      text: "wss://irc-ws.chat.twitch.tv",
      endpoint: IRCEndpoint(scheme: .wss, host: "irc-ws.chat.twitch.tv", port: 443),
      url: "wss://irc-ws.chat.twitch.tv:443/"),
    Valid(
      text: "ws://127.0.0.1:41234/irc",
      endpoint: IRCEndpoint(scheme: .ws, host: "127.0.0.1", port: 41_234, path: "/irc"),
      url: "ws://127.0.0.1:41234/irc"),
    Valid(
      text: "WS://Example.COM/irc?x=1",
      endpoint: IRCEndpoint(scheme: .ws, host: "example.com", port: 80, path: "/irc?x=1"),
      url: "ws://example.com:80/irc?x=1"),
    Valid(
      text: "ws://host?x=1", endpoint: IRCEndpoint(scheme: .ws, host: "host", port: 80, path: "/?x=1"),
      url: "ws://host:80/?x=1"),
    Valid(
      text: "tls://irc.chat.twitch.tv:6697",
      endpoint: IRCEndpoint(scheme: .tls, host: "irc.chat.twitch.tv", port: 6697),
      url: "tls://irc.chat.twitch.tv:6697"),
    Valid(
      text: " tcp://127.0.0.1:6667/ ", endpoint: IRCEndpoint(scheme: .tcp, host: "127.0.0.1", port: 6667),
      url: "tcp://127.0.0.1:6667"),
    Valid(
      text: "tcp://irc.chat.twitch.tv", endpoint: IRCEndpoint(scheme: .tcp, host: "irc.chat.twitch.tv", port: 6667),
      url: "tcp://irc.chat.twitch.tv:6667"),
    Valid(
      text: "tcp://[::1]:6667", endpoint: IRCEndpoint(scheme: .tcp, host: "::1", port: 6667), url: "tcp://[::1]:6667"),
    Valid(text: "tls://[::1]", endpoint: IRCEndpoint(scheme: .tls, host: "::1", port: 6697), url: "tls://[::1]:6697"),
  ]

  @Test(arguments: valid)
  func parses(_ valid: Valid) throws {
    let endpoint = try IRCEndpoint(parsing: valid.text)
    #expect(endpoint == valid.endpoint)
    #expect(endpoint.url == valid.url)
    #expect(try IRCEndpoint(parsing: endpoint.url) == endpoint)
  }

  static let invalid: [(text: String, message: String)] = [
    ("", "empty IRC endpoint"),
    ("irc.chat.twitch.tv:6667", "has no scheme"),
    ("https://irc-ws.chat.twitch.tv", "unsupported scheme 'https'"),
    ("irc://irc.chat.twitch.tv:6667", "unsupported scheme 'irc'"),
    ("tcp://:6667", "has no host"),
    ("wss:///irc", "has no host"),
    ("tcp://host:0", "port '0' is not a number from 1 to 65535"),
    ("tcp://host:70000", "port '70000'"),
    ("tcp://host:abc", "port 'abc'"),
    ("tcp://host:", "port ''"),
    ("tcp://a:1:2", "port"),
    ("tls://host:6697/chat", "takes no path (found '/chat')"),
    ("ws://user:pw@host/irc", "user info"),
    ("ws://host/irc#top", "fragment"),
    ("tcp://[::1", "has no host"),
  ]

  @Test(arguments: invalid)
  func refuses(_ text: String, _ message: String) {
    #expect {
      try IRCEndpoint(parsing: text)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test func schemes() {
    #expect(IRCEndpoint.Scheme.allCases.filter(\.usesTLS) == [.wss, .tls])
    #expect(IRCEndpoint.Scheme.allCases.filter(\.isWebSocket) == [.wss, .ws])
    #expect(IRCEndpoint.twitchWebSocket.url == "wss://irc-ws.chat.twitch.tv:443/")
    #expect(IRCEndpoint.twitchTLS.url == "tls://irc.chat.twitch.tv:6697")
  }
}
