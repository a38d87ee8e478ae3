import WardenProtocol
import Yams

extension YAMLReader {
  /// `channels:`: a list of logins; `#` and capitals are accepted and normalised.
  func channels(_ node: Node) throws(ConfigError) -> [String] {
    guard let sequence = node.sequence else { throw error(node, "channels must be a list of channel names") }
    var channels: [String] = []
    for item in sequence {
      let raw = try string(item, key: "channels[]")
      guard let login = ChannelName.normalise(raw) else {
        throw error(item, "'\(raw)' is not a Twitch channel name (letters, digits and _, up to 25)")
      }
      if !channels.contains(login) { channels.append(login) }
    }
    return channels
  }

  /// `twitch:` settings.
  func twitch(_ node: Node) throws(ConfigError) -> TwitchSettings {
    var settings = TwitchSettings()
    for (key, value) in try mapping(node, path: "twitch") {
      let name = "twitch.\(key)"
      switch key {
      case "client_id": settings.clientID = try string(value, key: name)
      case "client_secret": settings.clientSecret = try string(value, key: name)
      case "irc_url":
        settings.ircURL = try url(value, key: name, schemes: ["wss", "ws", "tls", "tcp"])
      case "eventsub_url": settings.eventSubURL = try url(value, key: name, schemes: ["wss", "ws"])
      case "helix_url": settings.helixURL = try url(value, key: name, schemes: ["https", "http"])
      case "oauth_url": settings.oauthURL = try url(value, key: name, schemes: ["https", "http"])
      case "redirect_uri": settings.redirectURI = try url(value, key: name, schemes: ["http"])
      case "transports": settings.transports = try transports(value, key: name)
      case "max_channels_per_connection":
        settings.maxChannelsPerConnection = try int(value, key: name, in: 1...100)
      case "dedupe_window_ms": settings.dedupeWindowMS = try int(value, key: name, in: 0...10_000)
      case "scopes":
        guard let sequence = value.sequence else { throw error(value, "\(name) must be a list of scopes") }
        var scopes: [String] = []
        for item in sequence { scopes.append(try string(item, key: name)) }
        settings.scopes = scopes
      default:
        throw error(
          value,
          "unknown key '\(name)' (known: client_id, client_secret, irc_url, eventsub_url, helix_url, oauth_url, "
            + "redirect_uri, transports, max_channels_per_connection, dedupe_window_ms, scopes)")
      }
    }
    return settings
  }

  private func url(_ node: Node, key: String, schemes: [String]) throws(ConfigError) -> String {
    let text = try string(node, key: key)
    guard let separator = text.range(of: "://"), schemes.contains(String(text[..<separator.lowerBound])),
      text[separator.upperBound...].contains(where: { $0 != "/" })
    else {
      throw error(node, "\(key) must be a URL starting with \(schemes.map { $0 + "://" }.joined(separator: ", "))")
    }
    return text
  }

  private func transports(_ node: Node, key: String) throws(ConfigError) -> Set<GatewayTransport> {
    guard let sequence = node.sequence, !sequence.isEmpty else {
      throw error(node, "\(key) must be a non-empty list of: irc, eventsub")
    }
    var set = Set<GatewayTransport>()
    for item in sequence {
      let raw = try string(item, key: key)
      guard let transport = GatewayTransport(rawValue: raw) else {
        throw error(item, "\(key) may contain irc and eventsub, not '\(raw)'")
      }
      set.insert(transport)
    }
    return set
  }
}

/// Twitch channel names as the gateway keeps them.
public enum ChannelName {
  /// `#PixelPaladin` → `pixelpaladin`; nil for anything that is not a login (letters, digits and
  /// `_`, 1 to 25 characters).
  public static func normalise(_ raw: String) -> String? {
    var name = raw.trimmingPrefix("#").lowercased()
    name = String(name.trimmingPrefix("@"))
    guard (1...25).contains(name.utf8.count),
      name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
    else { return nil }
    return name
  }
}
