import Foundation
import WardenIRC

/// The IRC parser on one core: nanoseconds per line for the captured sample mix (raw split only,
/// and typed) and for a synthetic ~390-byte PRIVMSG (typed, then with 8 fields or every field the
/// gateway's `chat.message` event needs read), each line read from raw memory as it would be from
/// a socket buffer.
struct ParserBenchmark {
  var lines: Int
  var rounds: Int

  struct Result {
    var name: String
    /// Whether the 400 ns/line target applies (parsing only, not reading fields afterwards).
    var hasTarget = true
    var bytesPerLine: Double
    var nanosecondsPerLine: Summary
  }

  /// A PRIVMSG shaped like a typical one on a busy channel: 390 bytes with CRLF, Twitch's average.
  static let syntheticPrivmsg: [UInt8] = {
    let head =
      "@badge-info=subscriber/14;badges=subscriber/12,premium/1;color=#1E90FF;display-name=SomeViewer;"
      + "emotes=25:0-4;first-msg=0;flags=;id=0c6a1f7e-3d2b-4c5a-9e8f-7a6b5c4d3e2f;mod=0;returning-chatter=0;"
      + "room-id=71092938;subscriber=1;tmi-sent-ts=1700000000000;turbo=0;user-id=123456789;user-type= "
      + ":someviewer!someviewer@someviewer.tmi.twitch.tv PRIVMSG #somechannel :"
    let text = "Kappa that play was actually insane, how did he even see that coming from across the map lol"
    return Array((head + text).utf8.prefix(388)) + [13, 10]
  }()

  /// The sample file beside the repository: `<repo>/../shared/data/twitch-irc-samples.txt`.
  static func sampleLines() throws -> [[UInt8]] {
    var repository = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { repository.deleteLastPathComponent() }
    let candidates = [
      repository.appendingPathComponent("../shared/data/twitch-irc-samples.txt").standardizedFileURL.path,
      FileManager.default.currentDirectoryPath + "/../../shared/data/twitch-irc-samples.txt",
    ]
    for path in candidates {
      if let data = FileManager.default.contents(atPath: path) {
        return [UInt8](data).split(separator: 10).map { Array($0) + [10] }
      }
    }
    throw BenchError("no twitch-irc-samples.txt (tried \(candidates.joined(separator: ", ")))")
  }

  func run() throws -> [Result] {
    let samples = try Self.sampleLines()
    guard case .privmsg(let message) = try? IRCMessage.parse(Self.syntheticPrivmsg), message.emotes.count == 1 else {
      throw BenchError("the synthetic PRIVMSG does not parse to a PRIVMSG with one emote")
    }
    guard samples.allSatisfy({ (try? IRCLine(parsing: $0)) != nil }) else {
      throw BenchError("a sample line does not parse")
    }
    return [
      measure("sample mix, IRCLine only", samples) { raw in (try? IRCLine(parsing: raw))?.paramCount ?? 0 },
      measure("sample mix, typed IRCMessage", samples, Self.typed),
      measure("chat mix (sample PRIVMSGs x9 + the rest), typed", Self.chatMix(samples), Self.typed),
      measure("synthetic PRIVMSG, typed IRCMessage", [Self.syntheticPrivmsg], Self.typed),
      measure("synthetic PRIVMSG, typed + 8 fields read", [Self.syntheticPrivmsg], Self.typedAndRead, target: false),
      measure(
        "synthetic PRIVMSG, typed + gateway fields read", [Self.syntheticPrivmsg], Self.typedAndGateway, target: false),
    ]
  }

  /// Closer to a live channel than the sample file: each sample PRIVMSG nine times (45 lines),
  /// every other sample once (19 lines), interleaved.
  static func chatMix(_ samples: [[UInt8]]) -> [[UInt8]] {
    let isPrivmsg = { (line: [UInt8]) in
      if case .privmsg = try? IRCMessage.parse(line) { return true }
      return false
    }
    let chat = samples.filter(isPrivmsg)
    let rest = samples.filter { !isPrivmsg($0) }
    var mix: [[UInt8]] = []
    for round in 0..<9 {
      mix += chat
      mix += rest.enumerated().filter { $0.offset % 9 == round }.map(\.element)
    }
    return mix
  }

  /// Parsing only: a PRIVMSG's strings are built when read.
  private static func typed(_ raw: UnsafeRawBufferPointer) -> Int {
    switch try? IRCMessage.parse(raw) {
    case .privmsg(let message): message.isModerator ? 2 : 3
    case .some: 1
    case nil: 0
    }
  }

  /// Parsing, then reading what a moderation rule typically looks at.
  private static func typedAndRead(_ raw: UnsafeRawBufferPointer) -> Int {
    guard case .privmsg(let message) = try? IRCMessage.parse(raw) else { return 0 }
    return message.text.utf8.count + message.login.utf8.count + message.channel.utf8.count
      + message.userID.utf8.count + message.messageID.utf8.count + message.badges.count + message.emotes.count
      + message.displayName.utf8.count
  }

  /// Parsing, then reading every field the gateway puts in a `chat.message` event
  /// (`IRCEventMapper.chatMessage`).
  private static func typedAndGateway(_ raw: UnsafeRawBufferPointer) -> Int {
    guard case .privmsg(let message) = try? IRCMessage.parse(raw) else { return 0 }
    var total = message.roomID.utf8.count + message.channel.utf8.count + message.userID.utf8.count
    total += message.login.utf8.count + message.displayName.utf8.count + message.messageID.utf8.count
    total += message.text.utf8.count + (message.color?.utf8.count ?? 0)
    total += message.badgeInfo.count + message.badges.count + message.emotes.count
    total += message.replyParent == nil ? 0 : 1
    total += message.threadParent == nil ? 0 : 1
    total += message.sharedChat == nil ? 0 : 1
    total += (message.isAction ? 1 : 0) + (message.isFirstMessage ? 1 : 0) + (message.isReturningChatter ? 1 : 0)
    return total &+ (message.bits ?? 0) &+ (message.tmiSentTs ?? 0)
  }

  private func measure(
    _ name: String, _ mix: [[UInt8]], _ parse: (UnsafeRawBufferPointer) -> Int, target: Bool = true
  ) -> Result {
    let clock = ContinuousClock()
    var checksum = 0
    var perLine: [Double] = []
    for _ in 0..<rounds {
      let start = clock.now
      for index in 0..<lines {
        checksum &+= mix[index % mix.count].withUnsafeBytes { parse($0) }
      }
      let elapsed = clock.now - start
      perLine.append(
        Double(elapsed.components.seconds) * 1e9 / Double(lines)
          + Double(elapsed.components.attoseconds) / 1e9 / Double(lines))
    }
    if checksum == 42 { print("") }  // Keeps the work observable.
    let bytes = Double(mix.reduce(0) { $0 + $1.count }) / Double(mix.count)
    return Result(name: name, hasTarget: target, bytesPerLine: bytes, nanosecondsPerLine: Summary(perLine))
  }
}
