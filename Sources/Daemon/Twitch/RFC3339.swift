/// Reads the RFC 3339 times Twitch sends (`2024-06-11T19:03:00.123456789Z`) as milliseconds
/// since the Unix epoch.
enum RFC3339 {
  static func milliseconds(_ text: String?) -> Int64? {
    guard let text else { return nil }
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x74,
      bytes[13] == 0x3A, bytes[16] == 0x3A,
      let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
      let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var millis: Int64 = 0
    if index < bytes.count, bytes[index] == 0x2E {
      index += 1
      var digits = 0
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
        if digits < 3 { millis = millis * 10 + Int64(bytes[index] - 0x30) }
        digits += 1
        index += 1
      }
      guard digits > 0 else { return nil }
      if digits < 3 { for _ in digits..<3 { millis *= 10 } }
    }
    guard index < bytes.count else { return nil }
    var offsetMinutes: Int64 = 0
    switch bytes[index] {
    case 0x5A, 0x7A:
      guard index + 1 == bytes.count else { return nil }
    case 0x2B, 0x2D:
      guard index + 6 == bytes.count, bytes[index + 3] == 0x3A, let hours = number(bytes, index + 1, 2),
        let minutes = number(bytes, index + 4, 2)
      else { return nil }
      offsetMinutes = Int64(hours * 60 + minutes) * (bytes[index] == 0x2D ? -1 : 1)
    default:
      return nil
    }
    let days = daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offsetMinutes * 60
    return seconds * 1000 + millis
  }

  private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for byte in bytes[start..<start + count] {
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
  private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
