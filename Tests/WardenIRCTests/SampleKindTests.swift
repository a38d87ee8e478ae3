import Testing
import WardenIRC

/// Every sample line parses to the expected kind of message.
struct SampleKindTests {
  static let kinds = [
    "privmsg", "privmsg", "privmsg", "privmsg", "privmsg", "clearChat", "clearChat", "clearChat", "clearMessage",
    "userNotice", "userNotice", "userNotice", "userNotice", "userNotice", "roomState", "roomState", "notice", "notice",
    "userState", "globalUserState", "whisper", "ping", "reconnect", "other",
  ]

  @Test func theFileHasEveryLine() {
    #expect(Samples.lines.count == Self.kinds.count)
    for line in Samples.lines { #expect(line.last == 13, "CRLF line endings") }
  }

  @Test(arguments: Array(kinds.enumerated()))
  func sampleLineParsesToItsKind(_ index: Int, _ kind: String) throws {
    let message = try IRCMessage.parse(Samples.line(index))
    #expect(Self.kind(of: message) == kind)
  }

  static func kind(of message: IRCMessage) -> String {
    switch message {
    case .privmsg: "privmsg"
    case .clearChat: "clearChat"
    case .clearMessage: "clearMessage"
    case .userNotice: "userNotice"
    case .roomState: "roomState"
    case .userState: "userState"
    case .globalUserState: "globalUserState"
    case .notice: "notice"
    case .whisper: "whisper"
    case .reconnect: "reconnect"
    case .ping: "ping"
    case .other: "other"
    }
  }
}
