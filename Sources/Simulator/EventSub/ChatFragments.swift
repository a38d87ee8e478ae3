import TwitchSimCore

/// Splits a chat message into EventSub `fragments`: text, emote, cheermote and (for
/// `channel.chat.message`) mention pieces. Positions count Unicode scalars, as Twitch's do.
struct ChatFragments {
  /// Which event the fragments are for: the shapes differ.
  enum Style {
    /// `channel.chat.message`: every fragment has `cheermote`, `emote` and `mention`; emotes
    /// carry `owner_id` and `format`.
    case chat
    /// AutoMod and suspicious-user messages: `cheermote` and `emote` only; emotes carry
    /// `id` and `emote_set_id`.
    case automod
  }

  enum Kind: Equatable {
    case text
    case emote(id: String)
    case cheermote(prefix: String, bits: Int, tier: Int)
    case mention(SimUser)
  }

  struct Piece: Equatable {
    var kind: Kind
    var text: String
  }

  private(set) var pieces: [Piece] = []

  /// - Parameters:
  ///   - emotes: emote positions (Unicode scalars, both ends inclusive).
  ///   - cheering: the message carries bits, so `cheer<N>` words are cheermotes.
  ///   - mentions: resolves `@login` words to users; `nil` for no mention fragments.
  ///   - boundaries: ranges (scalars, inclusive) that get text fragments of their own, as
  ///     Twitch splits the words AutoMod flagged.
  init(
    text: String, emotes: [EmoteRange], cheering: Bool, mentions: ((String) -> SimUser?)? = nil,
    boundaries: [ClosedRange<Int>] = []
  ) {
    let scalars = Array(text.unicodeScalars)
    var special: [(range: ClosedRange<Int>, kind: Kind)] = emotes.compactMap { emote in
      guard emote.start >= 0, emote.start <= emote.end, emote.end < scalars.count else { return nil }
      return (emote.start...emote.end, .emote(id: emote.id))
    }
    for word in Self.words(scalars) where !special.contains(where: { $0.range.overlaps(word) }) {
      let token = String(String.UnicodeScalarView(scalars[word]))
      if cheering, let cheer = Self.cheermote(token) {
        special.append((word, cheer))
      } else if let mentions, let (range, user) = Self.mention(token, at: word.lowerBound, mentions) {
        special.append((range, .mention(user)))
      }
    }
    special.sort { $0.range.lowerBound < $1.range.lowerBound }
    let cuts = Set(boundaries.flatMap { [$0.lowerBound, $0.upperBound + 1] })

    var position = 0
    func addText(upTo end: Int) {
      var start = position
      for index in position..<end where cuts.contains(index) && index > start {
        pieces.append(Piece(kind: .text, text: Self.string(scalars, start..<index)))
        start = index
      }
      if end > start { pieces.append(Piece(kind: .text, text: Self.string(scalars, start..<end))) }
      position = end
    }
    for (range, kind) in special where range.lowerBound >= position {
      addText(upTo: range.lowerBound)
      pieces.append(Piece(kind: kind, text: Self.string(scalars, range.lowerBound..<(range.upperBound + 1))))
      position = range.upperBound + 1
    }
    addText(upTo: scalars.count)
  }

  func json(_ style: Style) -> EventSubJSON {
    .array(
      pieces.map { piece in
        var emote = EventSubJSON.null
        var cheermote = EventSubJSON.null
        var mention = EventSubJSON.null
        let type: String
        switch piece.kind {
        case .text:
          type = "text"
        case .emote(let id):
          type = "emote"
          emote =
            style == .chat
            ? .object(["id": .string(id), "emote_set_id": "0", "owner_id": "0", "format": .array(["static"])])
            : .object(["id": .string(id), "emote_set_id": "0"])
        case .cheermote(let prefix, let bits, let tier):
          type = "cheermote"
          cheermote = .object(["prefix": .string(prefix), "bits": .int(bits), "tier": .int(tier)])
        case .mention(let user):
          type = "mention"
          mention = .object([
            "user_id": .string(user.id), "user_name": .string(user.displayName), "user_login": .string(user.login),
          ])
        }
        if style == .automod {
          return .object(["type": .string(type), "text": .string(piece.text), "cheermote": cheermote, "emote": emote])
        }
        return .object([
          "type": .string(type), "text": .string(piece.text), "cheermote": cheermote, "emote": emote,
          "mention": mention,
        ])
      })
  }

  /// Twitch's cheermote tiers: the lowest bits amount of the tier a cheer falls in.
  static func tier(forBits bits: Int) -> Int {
    [10_000, 5_000, 1_000, 100].first { bits >= $0 } ?? 1
  }

  /// `Cheer100` → prefix `cheer`, 100 bits.
  static func cheermote(_ word: String) -> Kind? {
    let lowered = word.lowercased()
    guard lowered.hasPrefix("cheer"), let bits = Int(lowered.dropFirst(5)), bits > 0 else { return nil }
    return .cheermote(prefix: "cheer", bits: bits, tier: tier(forBits: bits))
  }

  /// `@login` (with trailing punctuation allowed) naming a known user: the range of `@login`.
  private static func mention(_ word: String, at start: Int, _ resolve: (String) -> SimUser?) -> (
    ClosedRange<Int>, SimUser
  )? {
    guard word.hasPrefix("@") else { return nil }
    let name = word.dropFirst().unicodeScalars.prefix {
      $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
    }
    guard !name.isEmpty, let user = resolve(String(String.UnicodeScalarView(name)).lowercased()) else { return nil }
    return (start...(start + name.count), user)
  }

  /// Space-separated words, as scalar ranges.
  private static func words(_ scalars: [Unicode.Scalar]) -> [ClosedRange<Int>] {
    var words: [ClosedRange<Int>] = []
    var start: Int?
    for (index, scalar) in scalars.enumerated() {
      if scalar == " " {
        if let begin = start { words.append(begin...(index - 1)) }
        start = nil
      } else if start == nil {
        start = index
      }
    }
    if let begin = start { words.append(begin...(scalars.count - 1)) }
    return words
  }

  private static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
    String(String.UnicodeScalarView(scalars[range]))
  }
}

extension ChatFragments {
  /// Where `term` occurs in `text` (case-insensitive), as Unicode-scalar ranges, both ends inclusive.
  static func occurrences(of term: String, in text: String) -> [ClosedRange<Int>] {
    let haystack = Array(text.lowercased().unicodeScalars)
    let needle = Array(term.lowercased().unicodeScalars)
    guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
    var found: [ClosedRange<Int>] = []
    var index = 0
    while index + needle.count <= haystack.count {
      if haystack[index..<(index + needle.count)].elementsEqual(needle) {
        found.append(index...(index + needle.count - 1))
        index += needle.count
      } else {
        index += 1
      }
    }
    return found
  }
}
