import WardenGateway
import WardenIRC

/// What an `IRCClient` reports. Events about one connection arrive in order, on the thread that
/// read them; the handler must return quickly and must not block.
public enum IRCClientEvent: Sendable, Hashable {
  /// A line from connection `connection` (1-based), parsed; every line except `PING`, which is
  /// answered internally. During a handover (RECONNECT, `reconnect(reason:)`), chat that both
  /// sockets carry is passed on once; the new socket's own login lines (001…, GLOBALUSERSTATE,
  /// JOIN echoes, ROOMSTATE) come too, under the same connection number.
  case message(IRCMessage, connection: Int, receivedAt: ContinuousClock.Instant)
  /// A connection changed phase.
  case connection(IRCConnectionReport)
  /// Twitch refused the login; the connection stays `failed` until `reconnect(reason:)`.
  case authenticationFailed(connection: Int, message: String)
  /// After a lost connection came back and rejoined, chat sent meanwhile was missed.
  ///
  /// `downFor` runs from the last line read on the lost connection to the rejoin.
  /// `estimatedMissed` is an estimate, not a count: the chat rate (PRIVMSG and USERNOTICE per
  /// second) measured over the `rateWindow` before the loss, times `downFor`, rounded.
  case possibleGap(connection: Int, channels: [String], downFor: Duration, estimatedMissed: Int)
}
