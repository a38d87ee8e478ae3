/// A line the server sends: its tags (without the `@`), the rest, and the capabilities a
/// client needs to receive it at all. Clients without `twitch.tv/tags` get it without tags.
struct IRCLine: Hashable, Sendable {
  /// `key=value;…`, already escaped; empty when the line has no tags.
  var tags: String
  /// `:prefix COMMAND params`.
  var body: String
  var requires: IRCCapabilities

  init(tags: String = "", _ body: String, requires: IRCCapabilities = []) {
    self.tags = tags
    self.body = body
    self.requires = requires
  }

  /// A raw line as a scenario or the samples give it: split off its tags and work out from
  /// its command which capability it needs.
  init(raw: String) {
    var body = Substring(raw)
    var tags: Substring = ""
    if body.first == "@" {
      let end = body.firstIndex(of: " ") ?? body.endIndex
      tags = body[body.index(after: body.startIndex)..<end]
      body = body[end...].drop(while: { $0 == " " })
    }
    self.init(tags: String(tags), String(body))
    requires = Self.requirement(ofCommand: command)
  }

  /// The command word (`PRIVMSG`, `CLEARCHAT`, `001`…).
  var command: Substring {
    var words = body.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)[...]
    if words.first?.first == ":" { words = words.dropFirst() }
    return words.first ?? ""
  }

  /// The whole line, tags included.
  var text: String { tags.isEmpty ? body : "@" + tags + " " + body }

  /// What a client with `capabilities` receives, or `nil` when it must not see the line.
  func text(for capabilities: IRCCapabilities) -> String? {
    guard capabilities.isSuperset(of: requires) else { return nil }
    return capabilities.contains(.tags) ? text : body
  }

  /// Twitch sends these commands only with `twitch.tv/commands`, and other users' JOIN and
  /// PART only with `twitch.tv/membership`.
  static func requirement(ofCommand command: Substring) -> IRCCapabilities {
    switch command {
    case "CLEARCHAT", "CLEARMSG", "GLOBALUSERSTATE", "HOSTTARGET", "NOTICE", "RECONNECT", "ROOMSTATE", "USERNOTICE",
      "USERSTATE", "WHISPER":
      .commands
    case "JOIN", "PART": .membership
    default: []
    }
  }
}
