import Foundation

/// The captured Twitch lines in `<repo>/../shared/data/twitch-irc-samples.txt`, each with its CR.
enum Samples {
  static let lines: [[UInt8]] = {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // <repo>/Tests/WardenIRCTests
      .deletingLastPathComponent()  // <repo>/Tests
      .deletingLastPathComponent()  // <repo>
      .deletingLastPathComponent()  // <repo>/..
      .appendingPathComponent("shared/data/twitch-irc-samples.txt")
    let data = (try? Data(contentsOf: url)) ?? Data()
    return [UInt8](data).split(separator: 10).map { Array($0) }
  }()

  /// The line at `index`, or an empty line if the file is missing (the tests then fail).
  static func line(_ index: Int) -> [UInt8] {
    lines.indices.contains(index) ? lines[index] : []
  }
}
