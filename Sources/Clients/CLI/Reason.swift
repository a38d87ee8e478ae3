import ArgumentParser

/// A moderation reason as typed: trimmed, left out when blank, refused beyond Twitch's limit.
enum Reason {
  /// Twitch's limit, in characters.
  static let maximumLength = 500

  static func text(_ text: String?) throws(ValidationError) -> String? {
    guard let reason = text.nonBlank else { return nil }
    guard reason.count <= maximumLength else {
      throw ValidationError("the reason has \(reason.count) characters; Twitch takes at most \(maximumLength)")
    }
    return reason
  }
}
