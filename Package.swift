// swift-tools-version: 6.2
import PackageDescription

/// Every Warden target: Swift 6 language mode (the tools version's default), warnings are errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
  name: "Warden",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "WardenZeroMQ", targets: ["WardenZeroMQ"]),
    .library(name: "WardenProtocol", targets: ["WardenProtocol"]),
    .library(name: "WardenClient", targets: ["WardenClient"]),
    .library(name: "WardenDaemon", targets: ["WardenDaemon"]),
    .library(name: "WardenIRC", targets: ["WardenIRC"]),
    .library(name: "WardenGateway", targets: ["WardenGateway"]),
    .library(name: "WardenHelix", targets: ["WardenHelix"]),
    .library(name: "WardenTransport", targets: ["WardenTransport"]),
    .library(name: "WardenTwitch", targets: ["WardenTwitch"]),
    .executable(name: "wardend", targets: ["wardend"]),
    .executable(name: "warden", targets: ["warden"]),
    .library(name: "TwitchSim", targets: ["TwitchSim"]),
    .executable(name: "twitch-sim", targets: ["twitch-sim"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
  ],
  targets: [
    // Protocol: the public contract and what every client links.
    .systemLibrary(
      name: "CZeroMQ",
      path: "Sources/Protocol/CZeroMQ",
      pkgConfig: "libzmq",
      providers: [.apt(["libzmq3-dev"])]
    ),
    .target(
      name: "WardenZeroMQ",
      dependencies: ["CZeroMQ"],
      path: "Sources/Protocol/ZeroMQ",
      swiftSettings: strict
    ),
    .target(name: "WardenProtocol", path: "Sources/Protocol/Core", swiftSettings: strict),
    .target(
      name: "WardenClient",
      dependencies: ["WardenProtocol", "WardenZeroMQ"],
      path: "Sources/Protocol/Client",
      swiftSettings: strict
    ),

    // Daemon: everything that runs inside wardend.
    .target(
      name: "WardenDaemon",
      dependencies: [
        "WardenProtocol", "WardenZeroMQ",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Sources/Daemon/Core",
      swiftSettings: strict
    ),
    // The Twitch gateway: a byte-level IRC parser with typed messages, and the gateway's
    // connection, rate-limit and session logic.
    .target(name: "WardenIRC", path: "Sources/Daemon/IRC", swiftSettings: strict),
    .target(
      name: "WardenGateway",
      dependencies: ["WardenProtocol", "WardenIRC"],
      path: "Sources/Daemon/Gateway",
      swiftSettings: strict
    ),
    // Helix and OAuth over URLSession: endpoints, rate limit, retries, tokens and their storage.
    .target(
      name: "WardenHelix",
      dependencies: ["WardenGateway", "WardenProtocol", .product(name: "Logging", package: "swift-log")],
      path: "Sources/Daemon/Helix",
      swiftSettings: strict
    ),
    // The gateway's sockets: IRC over WebSocket, TLS or TCP, and EventSub over WebSocket.
    .target(
      name: "WardenTransport",
      dependencies: [
        "WardenGateway", "WardenIRC", "WardenProtocol",
        .product(name: "WSClient", package: "swift-websocket"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      path: "Sources/Daemon/Transport",
      swiftSettings: strict
    ),
    // The Twitch gateway service: Twitch's messages as bus events, moderators' commands as
    // Helix calls.
    .target(
      name: "WardenTwitch",
      dependencies: [
        "WardenDaemon", "WardenProtocol", "WardenGateway", "WardenIRC", "WardenHelix", "WardenTransport",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      path: "Sources/Daemon/Twitch",
      swiftSettings: strict
    ),
    .executableTarget(
      name: "wardend",
      dependencies: [
        "WardenDaemon", "WardenTwitch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      path: "Sources/Daemon/wardend",
      swiftSettings: strict
    ),

    // Clients: thin executables over the client library.
    .target(
      name: "WardenCLI",
      dependencies: [
        "WardenClient", "WardenProtocol", "WardenZeroMQ",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/Clients/CLI",
      swiftSettings: strict
    ),
    .executableTarget(
      name: "warden",
      dependencies: ["WardenCLI"],
      path: "Sources/Clients/warden",
      swiftSettings: strict
    ),

    // Simulator: twitch-sim, a stand-in for Twitch's servers on loopback. One target per
    // surface, over a shared world model.
    .target(
      name: "TwitchSimCore",
      dependencies: ["WardenProtocol", .product(name: "Logging", package: "swift-log")],
      path: "Sources/Simulator/Core",
      swiftSettings: strict
    ),
    .target(
      name: "TwitchSimIRC",
      dependencies: [
        "TwitchSimCore",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/Simulator/IRC",
      swiftSettings: strict
    ),
    .target(
      name: "TwitchSimEventSub",
      dependencies: [
        "TwitchSimCore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/Simulator/EventSub",
      swiftSettings: strict
    ),
    .target(
      name: "TwitchSimHelix",
      dependencies: [
        "TwitchSimCore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/Simulator/Helix",
      swiftSettings: strict
    ),
    .target(
      name: "TwitchSimScenario",
      dependencies: [
        "TwitchSimCore",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Sources/Simulator/Scenario",
      swiftSettings: strict
    ),
    .target(
      name: "TwitchSim",
      dependencies: [
        "TwitchSimCore", "TwitchSimIRC", "TwitchSimEventSub", "TwitchSimHelix", "TwitchSimScenario",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Sources/Simulator/Server",
      swiftSettings: strict
    ),
    .executableTarget(
      name: "twitch-sim",
      dependencies: [
        "TwitchSim",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      path: "Sources/Simulator/twitch-sim",
      swiftSettings: strict
    ),

    // Tests: one target per library, plus end-to-end tests over real processes.
    .target(name: "WardenTestSupport", path: "Tests/WardenTestSupport", swiftSettings: strict),
    .testTarget(name: "WardenZeroMQTests", dependencies: ["WardenZeroMQ"], swiftSettings: strict),
    .testTarget(
      name: "WardenProtocolTests",
      dependencies: ["WardenProtocol"],
      resources: [.copy("Golden")],
      swiftSettings: strict
    ),
    .testTarget(name: "WardenClientTests", dependencies: ["WardenClient"], swiftSettings: strict),
    .testTarget(
      name: "WardenDaemonTests",
      dependencies: [
        "WardenDaemon", "WardenClient", "WardenTestSupport", .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),
    .testTarget(name: "WardenCLITests", dependencies: ["WardenCLI"], swiftSettings: strict),
    .testTarget(name: "WardenIRCTests", dependencies: ["WardenIRC", "WardenTestSupport"], swiftSettings: strict),
    .testTarget(name: "WardenGatewayTests", dependencies: ["WardenGateway", "WardenProtocol"], swiftSettings: strict),
    .testTarget(
      name: "WardenHelixTests",
      dependencies: ["WardenHelix", "WardenGateway", "TwitchSim", "TwitchSimCore", "WardenTestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "WardenTransportTests",
      dependencies: [
        "WardenTransport", "WardenGateway", "WardenIRC", "TwitchSim", "TwitchSimCore", "WardenTestSupport",
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "WardenTwitchTests",
      dependencies: [
        "WardenTwitch", "WardenDaemon", "WardenClient", "WardenProtocol", "WardenIRC", "TwitchSim", "TwitchSimCore",
        "WardenTestSupport", .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "TwitchSimIRCTests",
      dependencies: ["TwitchSimIRC", "TwitchSimCore", "WardenTestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "TwitchSimEventSubTests",
      dependencies: [
        "TwitchSimEventSub", "TwitchSimCore", "WardenTestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "WSClient", package: "swift-websocket"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "TwitchSimHelixTests",
      dependencies: [
        "TwitchSimHelix", "TwitchSimCore", "WardenTestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "TwitchSimScenarioTests",
      dependencies: ["TwitchSimScenario", "TwitchSimCore", "WardenTestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "TwitchSimTests",
      dependencies: ["TwitchSim", "TwitchSimCore", "WardenTestSupport", "twitch-sim"],
      exclude: ["Python"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["WardenClient", "WardenProtocol", "WardenTestSupport", "wardend", "warden", "twitch-sim"],
      exclude: ["Interop"],
      swiftSettings: strict
    ),
  ]
)
