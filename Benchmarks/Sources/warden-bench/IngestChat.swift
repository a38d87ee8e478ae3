import Foundation
import TwitchSimCore

/// The chatters and texts of the ingest floods: a busy channel's mix of short reactions, emote
/// spam, questions and longer lines, with about 390 bytes per PRIVMSG line once Twitch's tags
/// and the badges `IngestSink` gives are added (the parser suite's synthetic line is 390).
enum IngestChat {
  /// 64 chatters with logins of different lengths; their badges follow from their ids.
  static let chatters: [SimUser] = (0..<64).map { number in
    let names = ["cozyotter", "sniper_x", "lurkllama", "pogfrog", "nightowl", "banana"]
    let login = "\(names[number % names.count])\(number * 37 % 1000)"
    let palette = ["#1E90FF", "#FF4500", "#9ACD32", "#DAA520", nil, "#8A2BE2", "#00FF7F", nil]
    return SimUser(
      id: "\(41_000_000 + number * 7919)", login: login, displayName: login.capitalized,
      createdAt: Date(timeIntervalSince1970: 1_500_000_000 + Double(number) * 86_400),
      color: palette[number % palette.count])
  }

  static let texts: [String] = [
    "Kappa that play was actually insane, how did he even see that coming from across the map lol",
    "LUL LUL LUL",
    "gg",
    "what game is this? looks kinda like the old one but with way better graphics",
    "PogChamp PogChamp PogChamp PogChamp PogChamp",
    "@FloodChan can you show your settings after this round please",
    "chat is moving so fast nobody will notice that I love this stream <3",
    "Kreygasm",
    "first time here, the music is really good, who made it?",
    "NotLikeThis NotLikeThis he missed the jump again",
    "is the giveaway still going? I joined the discord yesterday but never got a role",
    "W",
    "SeemsGood nice one",
    "did anyone else hear that noise in the background or is it just me monkaS",
    "HeyGuys hello everyone, just got off work, what did I miss?",
    "that boss fight took like 40 minutes last time, no way he does it first try Kappa",
  ]
}
