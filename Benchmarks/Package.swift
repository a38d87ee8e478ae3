// swift-tools-version: 6.2
import PackageDescription

// A package of its own, so the benchmarks (and their release build) never slow `swift build`
// of the root package. Run: `swift run -c release warden-bench` (or `make bench` from the root).
let package = Package(
  name: "WardenBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Warden", path: ".."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    .executableTarget(
      name: "warden-bench",
      dependencies: [
        .product(name: "WardenDaemon", package: "Warden"),
        .product(name: "WardenProtocol", package: "Warden"),
        .product(name: "WardenZeroMQ", package: "Warden"),
        .product(name: "WardenIRC", package: "Warden"),
        .product(name: "WardenTwitch", package: "Warden"),
        .product(name: "WardenClient", package: "Warden"),
        // The ingest suite runs twitch-sim in process; TwitchSimCore and TwitchSimScenario
        // (ChatLineSink, FloodDriver) come with it.
        .product(name: "TwitchSim", package: "Warden"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: [.treatAllWarnings(as: .error)]
    )
  ]
)
