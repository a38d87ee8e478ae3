/// The lines steps use when a scenario gives none. Emote names come from `EmoteCatalog.global`,
/// so the world marks them as emotes.
public enum TextPools {
  /// Ordinary chat: reactions, questions, small talk.
  public static let chatter = [
    "LUL", "Kappa", "PogChamp that was clean", "hi chat HeyGuys", "what game is this?", "gg",
    "how long have you been streaming today?", "that boss is brutal NotLikeThis", "LUL LUL LUL",
    "is this your first playthrough?", "SeemsGood", "the music on this stream is so good", "Kreygasm",
    "what are your specs?", "lets goooo PogChamp", "first time here, love the vibe <3", "BibleThump so close",
    "nice one :)", "chat is so wholesome today", "CoolCat", "did you try the other weapon?", "4Head",
    "can you show the build after this run?", "o7", "ResidentSleeper jk this is great", "W", "clip it",
    "FrankerZ", "how is the dog doing?", "OhMyDog", "VoHiYo", "what time is it there?", "that was close :(",
    "Kappa Kappa", "back from dinner, what did I miss?", "SeemsGood SeemsGood", "PogChamp PogChamp",
  ]

  /// Answers to someone (chatter replies start with `@name`).
  public static let replies = [
    "yes!", "no way LUL", "same here", "it's Hades II", "about 3 hours so far", "agreed SeemsGood",
    "I think so", "lol true", "welcome! HeyGuys", "good question", "check the panels below the stream",
  ]

  /// Shouting (sent upper-cased).
  public static let shouting = [
    "WHAT WAS THAT", "LETS GOOOOOOO", "NO WAY NO WAY NO WAY", "STREAMER PLEASE LOOK AT CHAT",
    "HOW DID YOU NOT SEE THAT", "TURN THE MUSIC UP",
  ]

  /// Link spam; `{link}` is replaced by a link.
  public static let spam = [
    "free viewers at {link}", "Want to become famous? Buy followers, primes and viewers on {link}",
    "cheap viewers and followers only today {link}", "Hello, I'm a small streamer, grow your channel at {link}",
    "best viewers {link} get 1000 followers now", "streamer you can get real viewers at {link} !!!",
  ]

  /// Where spam links go (a random path is added).
  public static let spamLinks = ["bit.ly", "cutt.ly", "tinyurl.com", "is.gd"]

  /// What raiders say; `{from}` is the raiding broadcaster's display name.
  public static let raidGreetings = [
    "{from} raid BloodTrail", "hi chat from the {from} raid VoHiYo", "RAID HYPE PogChamp", "HeyGuys",
    "{from} sent us! <3", "raid raid raid BloodTrail", "hello from {from}'s stream HeyGuys", "VoHiYo VoHiYo",
  ]

  /// What freshly created (bot) accounts say.
  public static let freshGreetings = [
    "hello", "hi", "nice stream", "good stream bro", "hey", "hi everyone", "nice", "cool stream", "hello streamer",
  ]
}
