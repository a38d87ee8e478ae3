import Foundation
import TwitchSimCore
import WardenGateway
import WardenTransport

/// A running `EventSubClient`, what it reported, and the subscribe requests it made.
struct EventSubHarness: Sendable {
  let client: EventSubClient
  let log: EventLog<EventSubClientEvent>
  let requests: EventLog<EventSubSubscribeRequest>

  /// The chat texts of `channel.chat.message` notifications, in order.
  var chatTexts: [String] {
    log.all.compactMap { event in
      guard case .notification(let notification) = event, let bytes = notification.eventBytes,
        let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
        let message = object["message"] as? [String: Any]
      else { return nil }
      return message["text"] as? String
    }
  }

  var reports: [EventSubConnectionReport] {
    log.all.compactMap { event in
      if case .connection(let report) = event { return report }
      return nil
    }
  }

  /// The session ids of `.all` requests, in order.
  var allRequests: [String] {
    requests.all.compactMap { request in
      if case .all(let session) = request { return session }
      return nil
    }
  }
}

/// Runs an `EventSubClient` during `body`; each `.all` request subscribes the bot to the
/// streamer's chat through the simulator's world, as the gateway would through Helix.
func withEventSubClient(
  _ sim: SimFixture,
  configure: (inout EventSubClientConfiguration) -> Void = { _ in },
  _ body: (EventSubHarness) async throws -> Void
) async throws {
  var configuration = EventSubClientConfiguration(url: sim.urls.eventSub)
  configuration.watchdogInterval = .milliseconds(50)
  configuration.handoverDrain = .milliseconds(300)
  configuration.backoff = .init(base: .milliseconds(20), cap: .milliseconds(200))
  configure(&configuration)
  let log = EventLog<EventSubClientEvent>()
  let requests = EventLog<EventSubSubscribeRequest>()
  let world = sim.world
  let condition = ["broadcaster_user_id": sim.channels["streamer"]?.id ?? "", "user_id": sim.bot.id]
  let token = sim.botToken
  let client = EventSubClient(
    configuration: configuration,
    subscribe: { request in
      requests.append(request)
      guard case .all(let session) = request else { return }
      _ = try? world.createEventSubSubscription(
        type: "channel.chat.message", version: "1", condition: condition, sessionID: session, token: token)
    },
    handler: { log.append($0) }, logger: testLogger("test.eventsub"))
  let running = Running { try await client.run() }
  do {
    try await body(EventSubHarness(client: client, log: log, requests: requests))
  } catch {
    await running.stop()
    throw error
  }
  await running.stop()
}
