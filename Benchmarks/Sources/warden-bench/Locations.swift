import Foundation

/// Where the benchmark finds the programs it runs.
enum Locations {
  /// This executable, to run again as `sub-count`.
  static func currentExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  /// `--wardend` if given; else the root package's release build, else its debug build. The root
  /// is looked for above the working directory (`swift run` from `Benchmarks/`) and above this
  /// executable's package (`Benchmarks/.build/<triple>/<configuration>/warden-bench`).
  static func wardend(explicit: String?) throws -> String {
    try product("wardend", explicit: explicit)
  }

  /// An executable of the root package: `explicit`, else its release build, else its debug build.
  static func product(_ name: String, explicit: String?) throws -> String {
    let files = FileManager.default
    if let explicit {
      let path = URL(fileURLWithPath: explicit).standardizedFileURL.path
      guard files.isExecutableFile(atPath: path) else { throw BenchError("--\(name) \(explicit): not an executable") }
      return path
    }
    var roots = [files.currentDirectoryPath + "/.."]
    var package = URL(fileURLWithPath: currentExecutable())
    for _ in 0..<4 { package.deleteLastPathComponent() }
    roots.append(package.path + "/..")
    var tried: [String] = []
    for configuration in ["release", "debug"] {
      for root in roots {
        let path = URL(fileURLWithPath: root + "/.build/\(configuration)/\(name)").standardizedFileURL.path
        if files.isExecutableFile(atPath: path) { return path }
        tried.append(path)
      }
    }
    throw BenchError(
      "no \(name) found (tried \(tried.joined(separator: ", "))); build it with `swift build -c release` "
        + "in the root package or pass --\(name) PATH")
  }

  /// The first `model name` of `/proc/cpuinfo`.
  static func cpuModel() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
      return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    }
    return "unknown"
  }

  /// The modification time of `path`, for telling a stale binary.
  static func modified(_ path: String) -> String {
    guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else {
      return "unknown"
    }
    return ISO8601DateFormatter().string(from: date)
  }
}
