import Testing
import WardenIRC

/// Random bytes and mutated sample lines never crash the parser.
struct RandomInputTests {
  /// SplitMix64: a small seeded generator, so a failure can be replayed.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var value = state
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return value ^ (value >> 31)
    }
  }

  /// Bytes that mean something to the parser, so random lines reach deep into it.
  static let interesting =
    Array("@;= :!#,/-\\\u{1}ACTION0123456789sPRIVMSGemotesbadges".utf8) + [0, 10, 13, 0xC3, 0xFF]

  @Test(arguments: [1, 2])
  func randomBytes(_ seed: UInt64) {
    var random = SeededGenerator(state: seed)
    for _ in 0..<5000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0..<300, using: &random) {
        bytes.append(
          Bool.random(using: &random)
            ? Self.interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random))
      }
      Self.exercise(bytes)
    }
  }

  @Test(arguments: [3, 4])
  func mutatedSamples(_ seed: UInt64) {
    var random = SeededGenerator(state: seed)
    #expect(!Samples.lines.isEmpty)
    guard !Samples.lines.isEmpty else { return }
    for _ in 0..<5000 {
      var bytes = Samples.lines.randomElement(using: &random)!
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        let index = Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0 where index < bytes.count: bytes[index] = Self.interesting.randomElement(using: &random)!
        case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: index)
        case 2 where index < bytes.count: bytes.remove(at: index)
        default: bytes.removeSubrange(index...)
        }
      }
      Self.exercise(bytes)
    }
  }

  /// Parses `bytes` and reads everything a caller could. `IRCMessage.parse`, which leaves the
  /// tags to the typed parsers to check, must agree with `IRCLine` then `IRCMessage(_:)`.
  static func exercise(_ bytes: [UInt8]) {
    let parsed: Result<IRCMessage, IRCParseError>
    do {
      parsed = .success(try IRCMessage.parse(bytes))
    } catch {
      parsed = .failure(error)
    }
    let line: IRCLine
    do {
      line = try IRCLine(parsing: bytes)
    } catch {
      #expect(parsed.failure?.description == error.description, "IRCMessage.parse and IRCLine disagree")
      return
    }
    let message = IRCMessage(line)
    #expect(parsed.success == message)
    _ = (line.tags, line.tagCount, line.params, line.prefix, line.command)
    switch message {
    case .privmsg(let message):
      _ = ExpectedPrivateMessage(message)  // Reads every lazily built field.
      for emote in message.emotes {
        for range in emote.ranges { #expect(message.text(of: range) != nil) }
      }
    case .userNotice(let notice):
      _ = ExpectedUserNotice(notice)  // Reads every lazily built field.
    default:
      break
    }
  }
}

extension Result {
  var success: Success? {
    if case .success(let value) = self { value } else { nil }
  }

  var failure: Failure? {
    if case .failure(let error) = self { error } else { nil }
  }
}
