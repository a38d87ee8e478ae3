import ArgumentParser

/// Twitch logins as moderators type them: users with or without `@`, channels with or without
/// `#`, any case.
public enum TwitchName {
  /// `@Alice` → `alice`.
  public static func user(_ text: String) throws(ValidationError) -> String {
    try login(text, dropping: "@", kind: "user")
  }

  /// `#PixelPaladin` → `pixelpaladin`.
  public static func channel(_ text: String) throws(ValidationError) -> String {
    try login(text, dropping: "#", kind: "channel")
  }

  /// Channel logins, in order and each once; at least one.
  public static func channels(_ texts: [String]) throws(ValidationError) -> [String] {
    var logins: [String] = []
    for text in texts {
      let login = try channel(text)
      if !logins.contains(login) { logins.append(login) }
    }
    guard !logins.isEmpty else { throw ValidationError("name at least one channel") }
    return logins
  }

  private static func login(_ text: String, dropping mark: Character, kind: String) throws(ValidationError) -> String {
    let login = (text.first == mark ? String(text.dropFirst()) : text).lowercased()
    guard !login.isEmpty else { throw ValidationError("the \(kind) name is empty") }
    guard login.count <= 25, login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
      throw ValidationError("'\(text)' is not a Twitch \(kind) login: up to 25 letters, digits and '_'")
    }
    return login
  }
}
