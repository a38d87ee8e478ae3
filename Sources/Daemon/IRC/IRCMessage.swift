/// A Twitch IRC line as a typed message. Lines of other commands, and known commands that lack
/// a required parameter, are kept raw as `.other`.
///
/// The payloads are `indirect` (boxed), so a message is one pointer wide and cheap to move,
/// whatever the size of `PrivateMessage`.
public enum IRCMessage: Sendable, Hashable {
  indirect case privmsg(PrivateMessage)
  indirect case clearChat(ClearChat)
  indirect case clearMessage(ClearMessage)
  indirect case userNotice(UserNotice)
  indirect case roomState(RoomState)
  indirect case userState(UserState)
  indirect case globalUserState(GlobalUserState)
  indirect case notice(Notice)
  indirect case whisper(Whisper)
  case reconnect
  /// `PING`, with the token to echo in `PONG`.
  case ping(String?)
  indirect case other(IRCLine)

  /// Parses one line (a trailing CRLF is ignored).
  public static func parse(_ bytes: [UInt8]) throws(IRCParseError) -> IRCMessage {
    try IRCMessage(checking: IRCLine.scanning(IRCLine.stripped(bytes), checkingTags: false))
  }

  /// Parses one line from raw memory (a trailing CRLF is ignored).
  public static func parse(_ bytes: UnsafeRawBufferPointer) throws(IRCParseError) -> IRCMessage {
    try IRCMessage(checking: IRCLine.scanning(IRCLine.stripped(bytes), checkingTags: false))
  }

  /// Parses one line given as a string (a trailing CRLF is ignored).
  public static func parse(_ string: String) throws(IRCParseError) -> IRCMessage {
    try parse(Array(string.utf8))
  }

  /// Interprets a line whose tag section is not checked yet: the typed parsers that walk every
  /// tag check it in the same pass, the others check it first.
  private init(checking line: IRCLine) throws(IRCParseError) {
    let known = KnownCommand(line)
    switch known {
    case .privmsg where PrivateMessage.accepts(line):
      self = .privmsg(try PrivateMessage(checking: line))
      return
    case .userNotice:
      if let notice = try UserNotice(checking: line) { self = .userNotice(notice) } else { self = .other(line) }
      return
    default:
      break
    }
    try line.checkTags()
    self.init(line, known)
  }

  /// Interprets a raw line.
  public init(_ line: IRCLine) {
    self.init(line, KnownCommand(line))
  }

  private init(_ line: IRCLine, _ known: KnownCommand?) {
    switch known {
    case .privmsg:
      self = PrivateMessage.accepts(line) ? .privmsg(PrivateMessage(accepted: line)) : .other(line)
    case .whisper:
      if let whisper = Whisper(line) { self = .whisper(whisper) } else { self = .other(line) }
    case .clearMessage:
      if let clear = ClearMessage(line) { self = .clearMessage(clear) } else { self = .other(line) }
    case .clearChat:
      if let clear = ClearChat(line) { self = .clearChat(clear) } else { self = .other(line) }
    case .userNotice:
      if let notice = UserNotice(line) { self = .userNotice(notice) } else { self = .other(line) }
    case .roomState:
      if let state = RoomState(line) { self = .roomState(state) } else { self = .other(line) }
    case .userState:
      if let state = UserState(line) { self = .userState(state) } else { self = .other(line) }
    case .globalUserState:
      self = .globalUserState(GlobalUserState(line))
    case .notice:
      if let notice = Notice(line) { self = .notice(notice) } else { self = .other(line) }
    case .ping:
      self = .ping(line.withBytes { bytes in line.paramRanges.last.map { bytes.string($0) } })
    case .reconnect:
      self = .reconnect
    case nil:
      self = .other(line)
    }
  }
}

/// The commands `IRCMessage` types, recognised from the command's bytes.
private enum KnownCommand {
  case privmsg, whisper, clearMessage, clearChat, userNotice, roomState, userState, globalUserState, notice, ping
  case reconnect

  init?(_ line: borrowing IRCLine) {
    let command = line.commandRange
    let known: KnownCommand? = line.withBytes { bytes in
      switch command.count {
      case 4: bytes.equals(command, "PING") ? .ping : nil
      case 6: bytes.equals(command, "NOTICE") ? .notice : nil
      case 7:
        bytes.equals(command, "PRIVMSG") ? .privmsg : bytes.equals(command, "WHISPER") ? .whisper : nil
      case 8: bytes.equals(command, "CLEARMSG") ? .clearMessage : nil
      case 9:
        bytes.equals(command, "CLEARCHAT")
          ? .clearChat
          : bytes.equals(command, "ROOMSTATE")
            ? .roomState
            : bytes.equals(command, "USERSTATE") ? .userState : bytes.equals(command, "RECONNECT") ? .reconnect : nil
      case 10: bytes.equals(command, "USERNOTICE") ? .userNotice : nil
      case 15: bytes.equals(command, "GLOBALUSERSTATE") ? .globalUserState : nil
      default: nil
      }
    }
    guard let known else { return nil }
    self = known
  }
}
