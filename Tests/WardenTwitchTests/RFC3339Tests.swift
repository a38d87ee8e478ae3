import Testing

@testable import WardenTwitch

@Suite struct RFC3339Tests {
  @Test(arguments: [
    ("1970-01-01T00:00:00Z", 0 as Int64?),
    ("2024-06-11T19:03:00Z", 1_718_132_580_000),
    ("2024-06-11T19:03:00.123456789Z", 1_718_132_580_123),
    ("2024-06-11T19:03:00.5Z", 1_718_132_580_500),
    ("2024-06-11T21:03:00+02:00", 1_718_132_580_000),
    ("2024-02-29T00:00:00Z", 1_709_164_800_000),
    ("2024-06-11 19:03:00Z", nil),
    ("2024-13-11T19:03:00Z", nil),
    ("2024-06-11T19:03:00", nil),
    ("2024-06-11T19:03:00.Z", nil),
    ("", nil),
  ])
  func parses(text: String, expected: Int64?) {
    #expect(RFC3339.milliseconds(text) == expected)
  }
}
