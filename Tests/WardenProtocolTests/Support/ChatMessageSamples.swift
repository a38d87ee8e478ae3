import WardenProtocol

/// Chat messages for comparing `ChatMessageData.jsonBytes` with `WireCoding.encode`: a table of
/// texts with characters encoders treat specially, and a seeded generator of random messages.
enum ChatMessageSamples {
  /// Every control character, the characters JSON or some encoders escape, and non-ASCII text
  /// (Latin-1, separators, BOM, combining marks, right-to-left, emoji sequences, the last scalar).
  static let specialTexts: [String] = {
    var texts = (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) }
    texts += [
      "", " ", "\"", "\\", "/", "</script>", "\u{7F}", "\u{80}", "\u{85}", "\u{A0}", "é", "ß", "\u{2028}", "\u{2029}",
      "\u{FEFF}", "\u{FFFD}", "\u{10FFFF}", "e\u{301}", "مرحبا", "日本語", "🚀", "👍🏽", "👨‍👩‍👧", "🇩🇪",
      "quote \"inside\" and back\\slash", "tab\tnewline\ncr\rbell\u{7}bs\u{8}ff\u{C}nul\u{0}esc\u{1B}[0m",
      "\\u0041 is not an escape", "{\"json\":[1,2]}", "http://example.com/a?b=c&d=e#f",
      String(repeating: "long text ", count: 60),
    ]
    return texts
  }()

  /// A message whose every string member (ids and logins included) is `text`, with every
  /// optional member present.
  static func message(everyStringMemberSetTo text: String) -> ChatMessageData {
    let user = TwitchUser(id: text, login: text, displayName: text)
    return ChatMessageData(
      channel: TwitchChannel(id: text, login: text), messageID: text, user: user, text: text, isAction: true,
      badges: [ChatBadge(setID: text, version: text, info: text), ChatBadge(setID: text, version: text)],
      emotes: [ChatEmote(id: text, start: 0, end: 5)], bits: 1, color: text,
      reply: ChatReply(
        parentMessageID: text, parentUser: user, parentText: text, threadMessageID: text, threadUser: user),
      isFirstMessage: true, isReturningChatter: true,
      sharedChat: SharedChatSource(channelID: text, messageID: text, badges: [ChatBadge(setID: text, version: text)]),
      source: .both, twitchTS: 1)
  }

  /// Random messages from a fixed seed.
  struct Generator {
    private var random: SplitMix64

    init(seed: UInt64) {
      random = SplitMix64(seed: seed)
    }

    /// Characters drawn for random text: mostly plain, with everything special mixed in.
    private static let alphabet: [Unicode.Scalar] = {
      var scalars = Array("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789_-.,:;!?#@'`~^*()[]{}<>=+|&%$".unicodeScalars)
      scalars += (0..<0x20).compactMap(Unicode.Scalar.init)
      scalars += ["\"", "\\", "/", "\u{7F}", "\u{85}", "\u{A0}", "é", "Ü", "ß", "ñ", "\u{2028}", "\u{2029}"]
      scalars += ["\u{FEFF}", "\u{FFFD}", "\u{10FFFF}", "\u{301}", "\u{200D}", "ع", "日", "한", "🚀", "😂", "👍", "🏽"]
      return scalars
    }()

    mutating func message() -> ChatMessageData {
      ChatMessageData(
        channel: TwitchChannel(id: digits(), login: text(maxLength: 25)), messageID: text(maxLength: 36),
        user: user(), text: text(maxLength: chance(10) ? 500 : 60), isAction: flag(),
        badges: badges(), emotes: emotes(), bits: chance(4) ? integer() : nil,
        color: chance(2) ? text(maxLength: 7) : nil, reply: chance(3) ? reply() : nil, isFirstMessage: flag(),
        isReturningChatter: flag(), sharedChat: chance(4) ? sharedChat() : nil,
        source: EventSource.allCases[pick(EventSource.allCases.count)],
        twitchTS: chance(5) ? nil : Int64(truncatingIfNeeded: random.next()))
    }

    private mutating func user() -> TwitchUser {
      TwitchUser(
        id: chance(5) ? nil : digits(), login: text(maxLength: 25), displayName: chance(3) ? nil : text(maxLength: 25))
    }

    private mutating func badges() -> [ChatBadge] {
      (0..<pick(5)).map { _ in
        ChatBadge(setID: text(maxLength: 20), version: digits(), info: chance(2) ? text(maxLength: 6) : nil)
      }
    }

    private mutating func emotes() -> [ChatEmote] {
      (0..<pick(6)).map { _ in ChatEmote(id: text(maxLength: 40), start: pick(500), end: pick(500)) }
    }

    private mutating func reply() -> ChatReply {
      let hasThread = flag()
      return ChatReply(
        parentMessageID: text(maxLength: 36), parentUser: user(), parentText: chance(4) ? nil : text(maxLength: 200),
        threadMessageID: hasThread ? text(maxLength: 36) : nil, threadUser: hasThread ? user() : nil)
    }

    private mutating func sharedChat() -> SharedChatSource {
      SharedChatSource(channelID: digits(), messageID: text(maxLength: 36), badges: badges())
    }

    private mutating func text(maxLength: Int) -> String {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<pick(maxLength + 1) {
        // Half the characters plain lowercase, so special ones also meet long plain runs.
        scalars.append(chance(2) ? Self.alphabet[pick(26)] : Self.alphabet[pick(Self.alphabet.count)])
      }
      return String(scalars)
    }

    private mutating func digits() -> String { String(random.next() % 1_000_000_000) }

    private mutating func integer() -> Int {
      switch pick(4) {
      case 0: Int(truncatingIfNeeded: random.next())
      case 1: -pick(1000)
      default: pick(100_000)
      }
    }

    private mutating func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
    private mutating func chance(_ oneIn: Int) -> Bool { pick(oneIn) == 0 }
    private mutating func flag() -> Bool { chance(2) }
  }
}

/// A tiny, fast, seedable generator (Steele, Lea, Flood 2014), so generated cases repeat.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
