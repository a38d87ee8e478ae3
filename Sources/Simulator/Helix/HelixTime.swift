import Foundation

/// Twitch's timestamps: RFC 3339 in UTC.
enum HelixTime {
  /// `2024-05-01T12:00:00Z`, as most Helix fields write it.
  static func string(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle())
  }

  /// `2024-05-01T12:00:00.123Z`, as EventSub subscriptions write `created_at`.
  static func fractional(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }
}
