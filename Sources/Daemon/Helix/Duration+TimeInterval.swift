import Foundation

extension Duration {
  /// The duration in seconds, as Foundation counts them.
  var timeInterval: TimeInterval {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }

  /// A duration of `seconds` (rounded to milliseconds; negative becomes zero).
  static func interval(_ seconds: TimeInterval) -> Duration {
    .milliseconds(Int64((max(seconds, 0) * 1000).rounded(.up)))
  }
}
