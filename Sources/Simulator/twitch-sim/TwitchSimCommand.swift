import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TwitchSim
import TwitchSimScenario

/// `twitch-sim`: Twitch's servers on loopback, for Warden's tests and demo.
@main
struct TwitchSimCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "twitch-sim",
    abstract: "A local stand-in for Twitch: IRC, EventSub, Helix and OAuth, with a control API.",
    discussion: "Once listening, writes {irc_ws, irc_tcp, eventsub, helix, oauth, control} to the ready file.")

  @Option(help: "host:port for HTTP and WebSocket (port 0 picks a free one).")
  var listen = "127.0.0.1:0"

  @Option(name: .customLong("irc-tcp-port"), help: "Port for plain-TCP IRC (0 picks a free one).")
  var ircTCPPort = 0

  @Option(help: "A scenario (YAML) to load and play on loop.")
  var scenario: String?

  @Option(name: .customLong("scenario-speed"), help: "Play the scenario this many times faster.")
  var scenarioSpeed = 1.0

  @Option(name: .customLong("ready-file"), help: "Write the URLs here (JSON) once listening.")
  var readyFile: String?

  @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical.")
  var logLevel = "info"

  func run() async throws {
    guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
      (0...65535).contains(port)
    else { throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:0") }
    let level = Logger.Level(rawValue: logLevel) ?? .info
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let logger = Logger(label: "twitch-sim")
    var options = TwitchSim.Options()
    options.host = String(listen[..<colon])
    options.port = port
    options.ircTCPPort = ircTCPPort
    options.scenarioSpeed = scenarioSpeed
    options.scenario = try scenario.map { path in try Scenario.load(path: path) }
    let sim = TwitchSim(options: options, logger: logger)
    let group = ServiceGroup(
      configuration: .init(services: [sim], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
      tasks.addTask { try await group.run() }
      let urls = try await sim.ready()
      let json = try JSONEncoder.sortedKeys.encode(urls)
      if let readyFile {
        try json.write(to: URL(fileURLWithPath: readyFile), options: .atomic)
      }
      FileHandle.standardOutput.write(json + Data("\n".utf8))
      try await tasks.next()
    }
  }
}

extension JSONEncoder {
  static var sortedKeys: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
