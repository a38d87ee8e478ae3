/// The emotes the simulator recognises in chat text, by name (a few of Twitch's global ones).
public enum EmoteCatalog {
  public static let global: [String: String] = [
    "Kappa": "25", "PogChamp": "305954156", "LUL": "425618", "Kreygasm": "41", "BibleThump": "86",
    "ResidentSleeper": "245", "4Head": "354", "SeemsGood": "64138", "NotLikeThis": "58765", "VoHiYo": "81274",
    "CoolCat": "58127", "DansGame": "33", "TriHard": "120232", "HeyGuys": "30259", "<3": "555555584",
    ":)": "555555560", ":(": "555555559", "BloodTrail": "69", "FrankerZ": "65", "OhMyDog": "81103",
  ]

  /// The emote occurrences in `text`: whitespace-separated words that name an emote, with
  /// positions in Unicode scalars, both ends inclusive (as IRC's `emotes` tag counts them).
  public static func ranges(in text: String, catalog: [String: String] = global) -> [EmoteRange] {
    var ranges: [EmoteRange] = []
    var word = ""
    var wordStart = 0
    var index = 0
    func close() {
      if let id = catalog[word] {
        ranges.append(EmoteRange(id: id, name: word, start: wordStart, end: index - 1))
      }
      word = ""
    }
    for scalar in text.unicodeScalars {
      if scalar == " " {
        close()
        wordStart = index + 1
      } else {
        word.unicodeScalars.append(scalar)
      }
      index += 1
    }
    close()
    return ranges
  }
}
