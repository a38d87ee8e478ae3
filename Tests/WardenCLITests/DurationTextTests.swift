import Testing
import WardenCLI

@Suite struct DurationTextTests {
  @Test(arguments: [
    ("30", 30), ("0", 0), ("30s", 30), ("10m", 600), ("1h", 3600), ("1h30m", 5400), ("2d", 172_800),
    ("1w", 604_800), ("2w", 1_209_600), ("1w2d3h4m5s", 788_645), ("90m", 5400), ("1H30M", 5400), ("0s", 0),
  ])
  func parses(_ text: String, _ seconds: Int) throws {
    #expect(try DurationText.seconds(text) == seconds)
  }

  @Test(arguments: [
    ("", "it is empty"),
    ("10x", "'x' is not a unit; use w, d, h, m or s"),
    ("1h30", "'30' at the end has no unit"),
    ("m", "'m' has no number before it"),
    ("30m1h", "'h' comes twice or after a smaller unit; write units largest first"),
    ("1m1m", "'m' comes twice or after a smaller unit; write units largest first"),
    ("-5s", "'-' is not a unit; use w, d, h, m or s"),
    ("1.5h", "'.' is not a unit; use w, d, h, m or s"),
    ("10 m", "' ' is not a unit; use w, d, h, m or s"),
    ("99999999999999999999", "it is far too long"),
    ("9999999999999w", "it is far too long"),
  ])
  func refuses(_ text: String, _ reason: String) {
    let error = #expect(throws: DurationError.self) { try DurationText.seconds(text) }
    #expect(error?.reason == reason)
    #expect(error?.description.hasPrefix("'\(text)' is not a duration: \(reason) (examples: 30s") == true)
  }

  @Test(arguments: [
    (0, "0s"), (1, "1s"), (30, "30s"), (600, "10m"), (5400, "1h30m"), (172_800, "2d"), (1_209_600, "2w"),
    (788_645, "1w2d3h4m5s"), (3661, "1h1m1s"),
  ])
  func formats(_ seconds: Int, _ text: String) throws {
    #expect(DurationText.format(seconds: seconds) == text)
    #expect(try DurationText.seconds(text) == seconds)
  }

  @Test(arguments: [
    (0, "0s"), (45, "45s"), (61, "1m1s"), (11_565, "3h12m"), (172_800 + 300, "2d"), (788_645, "1w2d"),
  ])
  func approximates(_ seconds: Int, _ text: String) {
    #expect(DurationText.approximate(seconds: seconds) == text)
  }
}
