import Foundation
import Logging
import Synchronization
import TwitchSimCore

extension ScenarioRunner {
  /// Plays the timeline: each entry starts at its offset (divided by `speed`), long steps
  /// overlap, and with `loop` the timeline starts over after the scenario's `duration`.
  /// Loads the scenario first unless it is the one loaded last. A message the world refuses
  /// (a timed-out user, slow mode …) is logged, not fatal. Returns when the timeline ends
  /// (without `loop`) or when the task is cancelled.
  public func run(_ scenario: Scenario, speed: Double = 1, loop: Bool = false) async throws {
    guard speed > 0, speed.isFinite else {
      throw ScenarioError(
        code: .badValue, source: scenario.source, line: nil, column: nil, message: "speed must be above 0, not \(speed)"
      )
    }
    let setup = try setup(for: scenario)
    // A looping pass lasts at least a second, so an empty timeline does not spin.
    let passDuration = loop ? max(scenario.passDuration, 1) : scenario.passDuration
    logger.info(
      "Scenario playing",
      metadata: [
        "sim.scenario": "\(scenario.name)", "sim.speed": "\(speed)", "sim.loop": "\(loop)",
        "sim.pass_seconds": "\(passDuration)",
      ])
    var pass = 0
    do {
      repeat {
        let play = ScenarioPlay(
          scenario: scenario, setup: setup, clock: ScenarioClock(speed: speed), pass: pass, runner: self)
        try await play.run(passDuration: passDuration)
        pass += 1
      } while loop && !Task.isCancelled
    } catch is CancellationError {
      logger.info("Scenario stopped", metadata: ["sim.scenario": "\(scenario.name)", "sim.pass": "\(pass)"])
      return
    }
    logger.info("Scenario finished", metadata: ["sim.scenario": "\(scenario.name)", "sim.passes": "\(pass)"])
  }
}

/// One pass of a timeline being played.
final class ScenarioPlay: Sendable {
  let scenario: Scenario
  let setup: ScenarioSetup
  let clock: ScenarioClock
  let pass: Int
  let runner: ScenarioRunner
  /// Message ids by the labels (`id:`) of the messages sent so far in this pass.
  let labels = Mutex<[String: String]>([:])

  init(scenario: Scenario, setup: ScenarioSetup, clock: ScenarioClock, pass: Int, runner: ScenarioRunner) {
    self.scenario = scenario
    self.setup = setup
    self.clock = clock
    self.pass = pass
    self.runner = runner
  }

  var world: SimWorld { runner.world }
  var logger: Logger { runner.logger }

  func run(passDuration: Double) async throws {
    let occurrences = scenario.timeline.enumerated().flatMap { index, entry in
      entry.occurrences(within: scenario.duration).enumerated().map { (time: $1, index: index, occurrence: $0) }
    }.sorted { ($0.time, $0.index) < ($1.time, $1.index) }
    try await withThrowingDiscardingTaskGroup { group in
      for occurrence in occurrences {
        try await clock.sleep(until: occurrence.time)
        group.addTask {
          try await self.perform(index: occurrence.index, occurrence: occurrence.occurrence, at: occurrence.time)
        }
      }
    }
    try await clock.sleep(until: passDuration)
  }

  func perform(index: Int, occurrence: Int, at start: Double) async throws {
    let entry = scenario.timeline[index]
    let step = entry.step
    var random = SeededRandom(seed: scenario.seed, stream: 2, UInt64(pass), UInt64(index), UInt64(occurrence))
    guard let channel = setup.channels[step.channel] else {
      logger.error("Scenario step in an unknown channel", metadata: metadata(entry, step.channel))
      return
    }
    logger.debug("Scenario step", metadata: metadata(entry, channel.login))
    let context = StepContext(
      play: self, entry: entry, channel: channel, start: start, generated: setup.generatedUsers[index] ?? [])
    try await context.perform(step, random: &random)
  }

  func metadata(_ entry: TimelineEntry, _ channel: String) -> Logger.Metadata {
    [
      "sim.scenario": "\(scenario.name)", "sim.step": "\(entry.step.kind)", "sim.line": "\(entry.line ?? 0)",
      "sim.pass": "\(pass)", "twitch.channel": "\(channel)",
    ]
  }
}
