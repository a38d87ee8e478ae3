import Foundation

/// Identifiers in Twitch's shapes.
public enum SimIDs {
  private static let tokenAlphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
  private static let userCodeAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")

  /// A lowercase alphanumeric token of `length` characters, like Twitch's access tokens (30).
  public static func token(_ length: Int) -> String {
    String((0..<length).map { _ in tokenAlphabet.randomElement()! })
  }

  /// An eight-letter device user code.
  public static func userCode() -> String {
    String((0..<8).map { _ in userCodeAlphabet.randomElement()! })
  }

  /// A message or event id: a lowercase UUID.
  public static func uuid() -> String { UUID().uuidString.lowercased() }
}
