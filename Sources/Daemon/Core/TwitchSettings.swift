import WardenProtocol

/// Settings of the Twitch gateway (config keys under `twitch:`). Every URL defaults to Twitch's
/// real endpoint; tests and the demo point them at `twitch-sim`.
public struct TwitchSettings: Sendable, Equatable, CustomStringConvertible {
  /// `client_id`: the application's id from Twitch's developer console. Without one the gateway
  /// reads chat anonymously and cannot log in or moderate.
  public var clientID: String?
  /// `client_secret`: only for confidential applications (authorization-code flow, app tokens).
  /// Never logged; `description` hides it.
  public var clientSecret: String?
  /// `irc_url`: `wss://`, `ws://`, `tls://host:port` or `tcp://host:port`.
  public var ircURL = "wss://irc-ws.chat.twitch.tv:443"
  /// `eventsub_url`: the EventSub WebSocket.
  public var eventSubURL = "wss://eventsub.wss.twitch.tv/ws"
  /// `helix_url`: the Helix API's base.
  public var helixURL = "https://api.twitch.tv/helix"
  /// `oauth_url`: the OAuth server's base.
  public var oauthURL = "https://id.twitch.tv/oauth2"
  /// `transports`: which Twitch connections the gateway opens.
  public var transports: Set<GatewayTransport> = [.irc, .eventsub]
  /// `max_channels_per_connection`: channels on one IRC connection before a new one is opened.
  public var maxChannelsPerConnection = 50
  /// `redirect_uri`: where the authorization-code flow sends the browser back; the daemon
  /// listens there (loopback only). Must be registered with the application.
  public var redirectURI = "http://localhost:3000/callback"
  /// `scopes`: what `warden login` asks for.
  public var scopes = TwitchSettings.defaultScopes
  /// `dedupe_window_ms`: how long a moderation event seen on IRC waits for the same event on
  /// EventSub (which names the moderator) before it is published alone.
  public var dedupeWindowMS = 2000

  public init() {}

  /// Everything the gateway's commands and events need.
  public static let defaultScopes = [
    "chat:read", "chat:edit", "user:read:chat", "user:write:chat", "user:bot",
    "moderator:manage:banned_users", "moderator:manage:chat_messages", "moderator:manage:chat_settings",
    "moderator:manage:warnings", "moderator:manage:shield_mode", "moderator:manage:automod",
    "moderator:read:followers", "moderator:read:moderators", "moderator:read:vips", "moderator:read:chatters",
    "moderator:read:blocked_terms", "moderator:read:unban_requests", "moderator:read:suspicious_users",
  ]

  public var description: String {
    "TwitchSettings(client_id: \(clientID ?? "none"), client_secret: \(clientSecret == nil ? "none" : "<hidden>"), "
      + "irc: \(ircURL), eventsub: \(eventSubURL), helix: \(helixURL), oauth: \(oauthURL))"
  }

  /// Applies `WARDEN_TWITCH_CLIENT_ID` and `WARDEN_TWITCH_CLIENT_SECRET`, which override the file.
  public mutating func applyEnvironment(_ environment: [String: String]) {
    if let id = environment["WARDEN_TWITCH_CLIENT_ID"], !id.isEmpty { clientID = id }
    if let secret = environment["WARDEN_TWITCH_CLIENT_SECRET"], !secret.isEmpty { clientSecret = secret }
  }
}
