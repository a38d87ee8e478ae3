import Testing
import WardenIRC

/// The tag section: where it ends, which keys are empty (and where), and how it splits into tags.
/// Both entry points are checked: `IRCLine(parsing:)` checks the section as it scans, and
/// `IRCMessage.parse` leaves it to the walk of a typed parser (`PRIVMSG`, `USERNOTICE`) or checks
/// it before the others.
struct TagSectionTests {
  /// A long, valid head, so the eight-bytes-at-a-time paths are taken before the case's own bytes.
  static let head = "@badge-info=subscriber/14;badges=subscriber/12,premium/1;color=#1E90FF;"

  static let errors: [(String, IRCParseError, Int)] = [
    ("@ PRIVMSG #c :x", .invalidTag, 1),
    ("@;a=b PRIVMSG #c :x", .invalidTag, 1),
    ("@=b PRIVMSG #c :x", .invalidTag, 1),
    ("@a=b;;c=d PRIVMSG #c :x", .invalidTag, 5),
    ("@a=b;=c PRIVMSG #c :x", .invalidTag, 5),
    (head + ";x=1 PRIVMSG #c :x", .invalidTag, head.utf8.count),
    (head + "=x PRIVMSG #c :x", .invalidTag, head.utf8.count),
    (head + "a=1;;b=2 USERNOTICE #c", .invalidTag, head.utf8.count + 4),
    (head + "a=1;;b=2 CLEARCHAT #c", .invalidTag, head.utf8.count + 4),
    (head + "a=1;;b=2 PRIVMSG", .invalidTag, head.utf8.count + 4),
    // The tags come first: their error wins over one after them.
    (head + ";x 12 x", .invalidTag, head.utf8.count),
    ("@=b", .missingCommand, 3),  // An unterminated empty key is not reported: the line ends first.
    ("@a=b;;", .invalidTag, 5),
    (head + "a=b", .missingCommand, head.utf8.count + 3),
    (head + " 12 x", .invalidCommand, head.utf8.count + 1),
    (head + " : CMD", .invalidPrefix, head.utf8.count + 1),
  ]

  @Test(arguments: errors)
  func invalidSection(_ text: String, _ expected: IRCParseError, _ offset: Int) {
    for error in Self.errors(Array(text.utf8)) {
      #expect(error == expected)
      #expect(error?.offset == offset)
    }
  }

  static let splits: [(String, [String], [String])] = [
    ("@a=1;b;c=x\\sy;d=;e==f;g=h=i", ["a", "b", "c", "d", "e", "g"], ["1", "", "x y", "", "=f", "h=i"]),
    ("@a=b; PRIVMSG", ["a"], ["b"]),  // A `;` right before the space ends the tags.
    ("@k", ["k"], [""]),
    (head, ["badge-info", "badges", "color"], ["subscriber/14", "subscriber/12,premium/1", "#1E90FF"]),
    (head + "abcdefghijklmnopq=12345678;z", ["badge-info", "badges", "color", "abcdefghijklmnopq", "z"], []),
    ("@" + String(repeating: "k=v;", count: 40) + "last=1", Array(repeating: "k", count: 40) + ["last"], []),
  ]

  @Test(arguments: splits)
  func sectionSplitsIntoTags(_ section: String, _ keys: [String], _ values: [String]) throws {
    let text = section.hasSuffix(" PRIVMSG") ? section + " #c :x" : section + " PRIVMSG #c :x"
    let line = try IRCLine(parsing: text)
    #expect(line.tags.map(\.key) == keys)
    if !values.isEmpty { #expect(line.tags.map(\.value) == values) }
    #expect(line.tagCount == keys.count)
    #expect(line.command == "PRIVMSG")
    #expect(try IRCMessage.parse(text) == IRCMessage(line))
  }

  @Test func keysAreFoundWhateverTheirPlace() throws {
    // Not in Twitch's order, escaped, and with tags the message does not model.
    let text =
      "@user-id=7;x-unknown=1;display-name=A\\sB;mod=1;id=m1;badges=vip/1;color=;room-id=9;emotes=25:0-4;"
      + "tmi-sent-ts=12;bits=x :a!a@a PRIVMSG #c :Kappa"
    guard case .privmsg(let message) = try IRCMessage.parse(text) else {
      Issue.record("not a PRIVMSG")
      return
    }
    #expect(message.userID == "7")
    #expect(message.displayName == "A B")
    #expect(message.isModerator)
    #expect(message.messageID == "m1")
    #expect(message.badges == [Badge("vip", "1")])
    #expect(message.color == nil)
    #expect(message.roomID == "9")
    #expect(message.emotes == [Emote(id: "25", ranges: [0...4])])
    #expect(message.tmiSentTs == 12)
    #expect(message.bits == nil)
    #expect(message.line.tag("x-unknown") == "1")
  }

  @Test func aRepeatedKeyTakesItsLastValue() throws {
    let privmsg = try IRCMessage.parse("@id=first;color=#111111;id=last :a!a@a PRIVMSG #c :hi")
    guard case .privmsg(let message) = privmsg else {
      Issue.record("not a PRIVMSG")
      return
    }
    #expect(message.messageID == "last")
    #expect(message.line.tag("id") == "first")  // The raw line answers with the first.
    let notice = try IRCMessage.parse("@id=first;msg-id=raid;login=a;id=last :tmi.twitch.tv USERNOTICE #c")
    guard case .userNotice(let notice) = notice else {
      Issue.record("not a USERNOTICE")
      return
    }
    #expect(notice.messageID == "last")
  }

  /// `IRCLine(parsing:)`, and `IRCMessage.parse` of each input form: the error of each, or nil.
  static func errors(_ bytes: [UInt8]) -> [IRCParseError?] {
    var errors: [IRCParseError?] = []
    do {
      _ = try IRCLine(parsing: bytes)
      errors.append(nil)
    } catch {
      errors.append(error)
    }
    do {
      _ = try IRCMessage.parse(bytes)
      errors.append(nil)
    } catch {
      errors.append(error)
    }
    do {
      _ = try IRCMessage.parse(String(decoding: bytes, as: UTF8.self))
      errors.append(nil)
    } catch {
      errors.append(error)
    }
    errors.append(
      bytes.withUnsafeBytes { raw -> IRCParseError? in
        do throws(IRCParseError) {
          _ = try IRCMessage.parse(raw)
          return nil
        } catch {
          return error
        }
      })
    return errors
  }
}
