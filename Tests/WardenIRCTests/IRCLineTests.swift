import Testing
import WardenIRC

struct IRCLineTests {
  @Test func partsOfATaggedLine() throws {
    let line = try IRCLine(parsing: "@a=1;b;c=x\\sy :nick!user@host.tv  PRIVMSG  #chan  middle :trailing text\r\n")
    #expect(line.tags.map(\.key) == ["a", "b", "c"])
    #expect(line.tags.map(\.value) == ["1", "", "x y"])
    #expect(line.tag("c") == "x y")
    #expect(line.rawTagValue("c") == "x\\sy")
    #expect(line.tag("b") == "")
    #expect(line.tag("missing") == nil)
    #expect(line.prefix == IRCPrefix(raw: "nick!user@host.tv", nick: "nick", user: "user", host: "host.tv"))
    #expect(line.command == "PRIVMSG")
    #expect(line.params == ["#chan", "middle", "trailing text"])
    #expect(line.param(2) == "trailing text")
    #expect(line.param(3) == nil)
    #expect(line.hasTrailing)
  }

  @Test(arguments: [
    ("CMD", [String](), false),
    ("CMD a b c", ["a", "b", "c"], false),
    ("CMD a :", ["a", ""], true),
    ("CMD :a :b", ["a :b"], true),
    ("CMD a   ", ["a"], false),
    ("CMD a b c d", ["a", "b", "c", "d"], false),
    ("CMD a b c d e f g :h i", ["a", "b", "c", "d", "e", "f", "g", "h i"], true),
  ])
  func params(_ text: String, _ params: [String], _ trailing: Bool) throws {
    let line = try IRCLine(parsing: text)
    #expect(line.params == params)
    #expect(line.paramCount == params.count)
    #expect((0...params.count).map { line.param($0) } == params + [nil])
    #expect(line.hasTrailing == trailing)
  }

  @Test(arguments: [
    ("a\\sb", "a b"),
    ("a\\:b", "a;b"),
    ("a\\\\b", "a\\b"),
    ("\\r\\n", "\r\n"),
    ("ab\\", "ab"),
    ("\\", ""),
    ("a\\xb", "axb"),
    ("\\\\s", "\\s"),
    ("", ""),
    ("plain", "plain"),
    ("caf\u{e9}\\s\u{1F44B}", "caf\u{e9} \u{1F44B}"),
  ])
  func tagValuesAreUnescaped(_ raw: String, _ value: String) throws {
    let line = try IRCLine(parsing: "@k=\(raw) CMD")
    #expect(line.tag("k") == value)
    #expect(line.rawTagValue("k") == raw)
  }

  @Test func inputFormsAgree() throws {
    let text = "@a=b :n!u@h PRIVMSG #c :hi\r\n"
    let fromArray = try IRCLine(parsing: Array(text.utf8))
    let fromRaw = try Array(text.utf8).withUnsafeBytes { raw throws(IRCParseError) in try IRCLine(parsing: raw) }
    let fromSubstring = try IRCLine(parsing: text[...].utf8)
    #expect(fromArray == fromRaw)
    #expect(fromArray == fromSubstring)
    #expect(fromArray.bytes == Array("@a=b :n!u@h PRIVMSG #c :hi".utf8))
  }

  @Test func errorsSayWhatAndWhere() {
    #expect(throws: IRCParseError.invalidTag) { try IRCLine(parsing: "@a=b;;c=d CMD") }
    do {
      _ = try IRCLine(parsing: "@a=b;;c=d CMD")
    } catch {
      #expect(error.offset == 5)
      #expect(error.description == "IRC tag at byte 5 is empty or has an empty key")
    }
  }
}
