extension IRCServer {
  /// Limits and timings, with Twitch's values as defaults; tests shorten the clocks.
  public struct Options: Sendable {
    /// Twitch sends `PING :tmi.twitch.tv` about every five minutes.
    public var pingInterval: Duration = .seconds(300)
    /// A client that has not answered a PING with PONG within this is disconnected (Twitch
    /// documents no figure; it closes connections that stop answering).
    public var pongTimeout: Duration = .seconds(10)
    /// Join attempts per 10 seconds (Twitch: 20 for normal accounts); one more disconnects.
    public var joinsPer10s = 20
    /// PRIVMSGs per 30 seconds on a connection where the user is neither broadcaster nor
    /// moderator (Twitch: 20); one more disconnects.
    public var messagesPer30s = 20
    /// The same where the user is the broadcaster or a moderator (Twitch: 100).
    public var privilegedMessagesPer30s = 100
    /// Time between RECONNECT and the server closing the connection.
    public var reconnectGrace: Duration = .seconds(30)
    /// Client lines longer than this are discarded (IRCv3: 8,191 bytes of tags + 512).
    public var maxLineBytes = 8_703
    /// Bytes a client may leave unread before it is disconnected as too slow.
    public var maxPendingBytes = 64 << 20
    /// Largest WebSocket text frame sent (several lines go in one frame up to this).
    public var maxWebSocketFrameBytes = 16_384
    /// Require `chat:read` (or `chat:edit`) to log in and `chat:edit` to send, as Twitch does.
    public var requireChatScopes = true

    public init() {}

    var limits: IRCSession.Limits {
      IRCSession.Limits(
        pingInterval: pingInterval, pongTimeout: pongTimeout, joinsPer10s: joinsPer10s,
        messagesPer30s: messagesPer30s, privilegedMessagesPer30s: privilegedMessagesPer30s)
    }

    /// How often the PING clock looks at every connection.
    var tickInterval: Duration {
      let shortest = min(pingInterval, pongTimeout) / 10
      return max(.milliseconds(10), min(.seconds(1), shortest))
    }
  }
}
