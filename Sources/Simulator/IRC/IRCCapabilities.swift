/// The Twitch capabilities a client can request with `CAP REQ`.
struct IRCCapabilities: OptionSet, Hashable, Sendable {
  let rawValue: UInt8

  /// `twitch.tv/tags`: IRCv3 tags on PRIVMSG, USERSTATE, ROOMSTATE…
  static let tags = IRCCapabilities(rawValue: 1)
  /// `twitch.tv/commands`: CLEARCHAT, CLEARMSG, GLOBALUSERSTATE, NOTICE, RECONNECT, ROOMSTATE,
  /// USERNOTICE, USERSTATE.
  static let commands = IRCCapabilities(rawValue: 2)
  /// `twitch.tv/membership`: other users' JOIN and PART.
  static let membership = IRCCapabilities(rawValue: 4)

  static let all: IRCCapabilities = [.tags, .commands, .membership]

  /// The capability a `CAP REQ` name stands for, if Twitch knows it.
  init?(name: Substring) {
    switch name {
    case "twitch.tv/tags": self = .tags
    case "twitch.tv/commands": self = .commands
    case "twitch.tv/membership": self = .membership
    default: return nil
    }
  }

  init(rawValue: UInt8) { self.rawValue = rawValue }

  /// What `CAP LS` lists.
  static let advertised = "twitch.tv/tags twitch.tv/commands twitch.tv/membership"
}
