import Testing
import WardenTransport

@Suite struct IRCCredentialsTests {
  @Test func tokenLoginKeepsTheNickLowercasedAndStripsThePrefix() {
    let credentials = IRCCredentials(nick: "WardenBot", token: "oauth:abc123")
    #expect(credentials.nick == "wardenbot")
    #expect(credentials.token == "abc123")
    #expect(!credentials.isAnonymous)
  }

  @Test(arguments: [nil, ""] as [String?])
  func withoutATokenTheLoginIsAnonymous(_ token: String?) {
    let credentials = IRCCredentials(nick: "wardenbot", token: token)
    #expect(credentials.isAnonymous)
    #expect(credentials.token == nil)
    #expect(credentials.nick.hasPrefix("justinfan"))
    let digits = credentials.nick.dropFirst(9).allSatisfy { $0.isNumber }
    #expect(digits)
    #expect(IRCCredentials(nick: "justinfan4242", token: nil).nick == "justinfan4242")
    #expect(IRCCredentials.anonymous().isAnonymous)
  }

  @Test func theTokenNeverShows() {
    let credentials = IRCCredentials(nick: "wardenbot", token: "s3cr3t-token")
    for text in ["\(credentials)", String(describing: credentials), String(reflecting: credentials)] {
      #expect(!text.contains("s3cr3t"))
    }
  }
}
