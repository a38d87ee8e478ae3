/// Twitch's server lines, as pure functions of what they say.
enum IRCRender {
  static let host = "tmi.twitch.tv"

  /// `:login!login@login.tmi.twitch.tv`
  static func userPrefix(_ login: String) -> String { ":\(login)!\(login)@\(login).tmi.twitch.tv" }

  /// The numerics after a successful login, with Twitch's texts.
  static func welcome(nick: String) -> [IRCLine] {
    [
      IRCLine(":tmi.twitch.tv 001 \(nick) :Welcome, GLHF!"),
      IRCLine(":tmi.twitch.tv 002 \(nick) :Your host is tmi.twitch.tv"),
      IRCLine(":tmi.twitch.tv 003 \(nick) :This server is rather new"),
      IRCLine(":tmi.twitch.tv 004 \(nick) :-"),
      IRCLine(":tmi.twitch.tv 375 \(nick) :-"),
      IRCLine(":tmi.twitch.tv 372 \(nick) :You are in a maze of twisty passages, all alike."),
      IRCLine(":tmi.twitch.tv 376 \(nick) :>"),
    ]
  }

  static func capabilityReply(_ verb: String, _ list: String) -> IRCLine {
    IRCLine(":tmi.twitch.tv CAP * \(verb) :\(list)")
  }

  static let loginFailed = IRCLine(":tmi.twitch.tv NOTICE * :Login authentication failed")
  static let improperlyFormattedAuth = IRCLine(":tmi.twitch.tv NOTICE * :Improperly formatted auth")
  static let ping = IRCLine("PING :tmi.twitch.tv")
  static let reconnect = IRCLine(":tmi.twitch.tv RECONNECT", requires: .commands)

  static func pong(_ argument: String?) -> IRCLine {
    guard let argument else { return IRCLine(":tmi.twitch.tv PONG tmi.twitch.tv") }
    return IRCLine(":tmi.twitch.tv PONG tmi.twitch.tv :\(sanitized(argument))")
  }

  static func unknownCommand(nick: String, command: String) -> IRCLine {
    IRCLine(":tmi.twitch.tv 421 \(nick) \(sanitized(command)) :Unknown command")
  }

  /// A channel NOTICE: `@msg-id=… :tmi.twitch.tv NOTICE #channel :text`.
  static func notice(channel: String, msgID: String, text: String) -> IRCLine {
    var tags = TagWriter(capacity: 32)
    tags.add("msg-id", msgID)
    return IRCLine(tags: tags.text, ":tmi.twitch.tv NOTICE #\(channel) :\(sanitized(text))", requires: .commands)
  }

  /// The echo of one's own JOIN (always sent), or another user's (with membership).
  static func join(login: String, channel: String, own: Bool) -> IRCLine {
    IRCLine("\(userPrefix(login)) JOIN #\(channel)", requires: own ? [] : .membership)
  }

  static func part(login: String, channel: String, own: Bool) -> IRCLine {
    IRCLine("\(userPrefix(login)) PART #\(channel)", requires: own ? [] : .membership)
  }

  /// `353` (as many as the names need) and `366`.
  static func names(nick: String, channel: String, names: [String]) -> [IRCLine] {
    let head = ":\(nick).tmi.twitch.tv 353 \(nick) = #\(channel) :"
    var lines: [IRCLine] = []
    var current = ""
    for name in names {
      if !current.isEmpty && head.utf8.count + current.utf8.count + name.utf8.count + 1 > 500 {
        lines.append(IRCLine(head + current))
        current = ""
      }
      current += current.isEmpty ? name : " " + name
    }
    if !current.isEmpty { lines.append(IRCLine(head + current)) }
    lines.append(IRCLine(":\(nick).tmi.twitch.tv 366 \(nick) #\(channel) :End of /NAMES list"))
    return lines
  }

  /// Text safe as a trailing parameter: CR and LF would end the line, so they become spaces.
  static func sanitized(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == .carriageReturn || $0 == .lineFeed }) else { return text }
    return String(text.map { $0 == "\r" || $0 == "\n" || $0 == "\r\n" ? " " : $0 })
  }
}
