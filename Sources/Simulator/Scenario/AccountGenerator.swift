import Foundation
import TwitchSimCore

/// Makes up the accounts a step brings along (raiders, spam bots, fresh accounts), with logins
/// that look like Twitch's and creation dates as the step asks.
struct AccountGenerator {
  private static let adjectives = [
    "cozy", "lunar", "swift", "salty", "sleepy", "pixel", "cosmic", "mellow", "brave", "spicy", "quiet", "lucky",
    "fuzzy", "rusty", "golden", "tiny", "grumpy", "silent", "happy", "frosty", "wild", "noble", "retro", "shy",
  ]
  private static let nouns = [
    "otter", "fox", "panda", "wizard", "gamer", "noodle", "falcon", "toast", "pirate", "goblin", "knight", "cactus",
    "badger", "comet", "raven", "muffin", "turtle", "ninja", "llama", "viking", "bean", "moth", "yeti", "squid",
  ]
  /// Colours Twitch gives users who never picked one in its web chat.
  private static let colors = [
    "#FF0000", "#0000FF", "#008000", "#B22222", "#FF7F50", "#9ACD32", "#FF4500", "#2E8B57", "#DAA520", "#D2691E",
    "#5F9EA0", "#1E90FF", "#FF69B4", "#8A2BE2", "#00FF7F",
  ]

  var random: SeededRandom
  /// Logins already taken (declared users and earlier generated ones).
  var taken: Set<String>

  /// A new login in `style`.
  mutating func login(_ style: GeneratedAccounts.LoginStyle) -> String {
    for attempt in 0..<1000 {
      let login: String
      switch style {
      case .human:
        let digits = random.chance(0.7) ? String(random.below(10_000)) : ""
        let joiner = random.chance(0.3) ? "_" : ""
        login = random.pick(Self.adjectives) + joiner + random.pick(Self.nouns) + digits
      case .bot:
        let letters = (0..<(6 + random.below(4))).map { _ in Character(UnicodeScalar(UInt8(97 + random.below(26)))) }
        login = String(letters) + String(100 + random.below(99_900))
      case .prefixed(let prefix):
        login = prefix + "_" + String(random.below(attempt < 100 ? 10_000 : 10_000_000))
      }
      if login.utf8.count <= 25, taken.insert(login).inserted { return login }
    }
    var fallback = "user_" + String(random.below(1_000_000_000))
    while !taken.insert(fallback).inserted { fallback = "user_" + String(random.below(1_000_000_000)) }
    return fallback
  }

  /// A display name: people capitalise, throwaway accounts do not.
  mutating func displayName(for login: String, _ style: GeneratedAccounts.LoginStyle) -> String {
    guard case .human = style, random.chance(0.6) else { return login }
    return login.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "_")
  }

  /// A chat colour: people usually have one, throwaway accounts never chose.
  mutating func color(_ style: GeneratedAccounts.LoginStyle) -> String? {
    guard case .human = style, random.chance(0.8) else { return nil }
    return random.pick(Self.colors)
  }

  /// A creation time: the newest `age` ago, the others up to `spreadSeconds` earlier.
  mutating func createdAt(_ accounts: GeneratedAccounts, now: Date) -> Date {
    accounts.age.date(relativeTo: now).addingTimeInterval(-random.unit() * accounts.spreadSeconds)
  }
}
