/// Where a running twitch-sim listens: the base URLs Warden is configured with, and the
/// control API. Written to the ready file as one JSON object.
public struct SimURLs: Sendable, Hashable, Codable {
  /// IRC over WebSocket, e.g. `ws://127.0.0.1:PORT/irc` (Twitch: `wss://irc-ws.chat.twitch.tv:443`).
  public var ircWS: String
  /// IRC over plain TCP, `tcp://127.0.0.1:PORT` (Twitch: `irc.chat.twitch.tv:6667`).
  public var ircTCP: String
  /// EventSub WebSocket (Twitch: `wss://eventsub.wss.twitch.tv/ws`).
  public var eventSub: String
  /// Helix base URL (Twitch: `https://api.twitch.tv/helix`).
  public var helix: String
  /// OAuth base URL (Twitch: `https://id.twitch.tv/oauth2`).
  public var oauth: String
  /// The simulator's own control API.
  public var control: String

  public init(host: String, httpPort: Int, ircTCPPort: Int) {
    let base = "\(host):\(httpPort)"
    ircWS = "ws://\(base)/irc"
    ircTCP = "tcp://\(host):\(ircTCPPort)"
    eventSub = "ws://\(base)/ws"
    helix = "http://\(base)/helix"
    oauth = "http://\(base)/oauth2"
    control = "http://\(base)/control"
  }

  enum CodingKeys: String, CodingKey {
    case helix, oauth, control
    case ircWS = "irc_ws"
    case ircTCP = "irc_tcp"
    case eventSub = "eventsub"
  }
}
