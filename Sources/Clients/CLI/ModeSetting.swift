import ArgumentParser

/// The argument of `slow` and `followers`: `on`, `off`, or a duration within Twitch's limits.
struct ModeSetting: Equatable {
  var enabled: Bool
  /// With `enabled`: the duration in seconds.
  var seconds: Int?

  /// Reads `text`; `on` means `defaultSeconds`. `limitsText` states the limits in the error,
  /// e.g. "slow mode's wait is 3s to 2m".
  static func parse(
    _ text: String, defaultSeconds: Int, limits: ClosedRange<Int>, limitsText: String
  ) throws(ValidationError) -> ModeSetting {
    switch text.lowercased() {
    case "off": return ModeSetting(enabled: false, seconds: nil)
    case "on": return ModeSetting(enabled: true, seconds: defaultSeconds)
    default: break
    }
    let seconds: Int
    do {
      seconds = try DurationText.seconds(text)
    } catch {
      throw ValidationError("'\(text)' is not on, off or a duration: \(error.reason) (examples: 30s, 10m, 1h)")
    }
    guard limits.contains(seconds) else { throw ValidationError("\(limitsText), not \(text)") }
    return ModeSetting(enabled: true, seconds: seconds)
  }
}

/// `on` or `off`, for the settings without a duration.
enum Switch: String, ExpressibleByArgument, CaseIterable {
  case on
  case off

  var enabled: Bool { self == .on }
}
