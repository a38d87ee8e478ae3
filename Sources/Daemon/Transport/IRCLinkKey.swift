import WardenGateway

/// One incarnation of a shard (connection number): a shard closed and opened again gets a new
/// epoch, so late callbacks about its old sockets are recognised and ignored.
struct IRCShardKey: Sendable, Hashable {
  var index: Int
  var epoch: Int
}

/// One socket of one shard, as the shard's state machine names it.
struct IRCLinkKey: Sendable, Hashable {
  var shard: IRCShardKey
  var id: ConnectionID
}

/// What a connection's reader tells the client about, beyond delivering lines.
enum IRCLinkSignal: Sendable, Hashable {
  /// `001`: the login succeeded.
  case welcome
  /// A `NOTICE *` (about the connection), such as a refused login.
  case serverNotice(String)
  /// `RECONNECT`.
  case reconnect
  /// Our own JOIN echo.
  case joined(String)
  /// Our own PART echo.
  case parted(String)
  /// A NOTICE saying the channel cannot be joined (suspended or unknown).
  case joinRefused(String)
  /// The PONG answering our handover PING: everything sent before it has been read.
  case drained
}

/// Work that needs the client's task group, sent by the client's state to its `run()` loop.
enum IRCDriverRequest: Sendable {
  case connect(IRCLinkKey)
  case timer(IRCShardKey, generation: Int, after: Duration)
}
