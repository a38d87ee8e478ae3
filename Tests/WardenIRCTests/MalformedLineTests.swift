import Testing
import WardenIRC

/// Malformed input is an error or a raw `.other` line, never a crash.
struct MalformedLineTests {
  enum Outcome: Sendable, Equatable {
    case error(IRCParseError)
    case other
    case privmsg(text: String)
  }

  static let cases: [([UInt8], Outcome)] = [
    ([], .error(.emptyLine)),
    (Array("\r\n".utf8), .error(.emptyLine)),
    (Array("   ".utf8), .error(.missingCommand)),
    (Array("@a=b".utf8), .error(.missingCommand)),
    (Array("@a=b ".utf8), .error(.missingCommand)),
    (Array(":prefix".utf8), .error(.missingCommand)),
    (Array("@a=b :prefix ".utf8), .error(.missingCommand)),
    (Array(": CMD".utf8), .error(.invalidPrefix)),
    (Array("@ CMD".utf8), .error(.invalidTag)),
    (Array("@;a=b CMD".utf8), .error(.invalidTag)),
    (Array("@=b CMD".utf8), .error(.invalidTag)),
    (Array("@a=b;;c=d CMD".utf8), .error(.invalidTag)),
    (Array("12 x".utf8), .error(.invalidCommand)),
    (Array("1234".utf8), .error(.invalidCommand)),
    (Array("PRIV-MSG #c".utf8), .error(.invalidCommand)),
    (Array("PRIV1 #c".utf8), .error(.invalidCommand)),
    ([0xFF, 0xFE, 0x20, 0x41], .error(.invalidCommand)),
    (Array("PRIVMSG".utf8), .other),
    (Array("PRIVMSG #c".utf8), .other),
    (Array("CLEARMSG #c".utf8), .other),
    (Array("NOTICE".utf8), .other),
    (Array("USERNOTICE".utf8), .other),
    (Array("CLEARCHAT".utf8), .other),
    (Array("ROOMSTATE".utf8), .other),
    (Array("WHISPER x".utf8), .other),
    (Array("@a=b;c CMD x".utf8), .other),
    (Array("@a=\u{1}; JOIN #c".utf8), .other),
    (Array("PRIVMSG #c :".utf8), .privmsg(text: "")),
    (Array("@emotes=25:0-4;bits=x;tmi-sent-ts= PRIVMSG #c :hi".utf8), .privmsg(text: "hi")),
    (Array("PRIVMSG #c :".utf8) + [0xFF, 0xFE, 0x41], .privmsg(text: "\u{FFFD}\u{FFFD}A")),
    ([0x40, 0x62, 0x61, 0x64, 0x67, 0x65, 0x73, 0x3D, 0xC3] + Array(" PRIVMSG #c :x".utf8), .privmsg(text: "x")),
  ]

  @Test(arguments: cases)
  func malformedLine(_ bytes: [UInt8], _ expected: Outcome) {
    #expect(Self.outcome(bytes) == expected)
  }

  static func outcome(_ bytes: [UInt8]) -> Outcome? {
    do {
      switch try IRCMessage.parse(bytes) {
      case .other: return .other
      case .privmsg(let message): return .privmsg(text: message.text)
      default: return nil
      }
    } catch {
      return .error(error)
    }
  }
}
