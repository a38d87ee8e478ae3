import Foundation
import Testing
import TwitchSim
import TwitchSimCore
import WardenTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// The assembled simulator: the executable, the control API, and clients nobody here wrote.
@Suite struct TwitchSimServerTests {
  /// Sets up a channel, a moderator-capable app and a token for the broadcaster.
  private func seed(_ harness: SimHarness) async throws -> (token: String, broadcasterID: String) {
    let (status, channel) = try await harness.control("POST", "/channels", ["login": "streamer"])
    #expect(status == 200)
    try await harness.control("POST", "/users", ["login": "viewer", "created_days_ago": 400])
    try await harness.control("POST", "/apps", ["client_id": "warden-test", "client_secret": "s3cret"])
    let scopes = [
      "chat:read", "chat:edit", "user:read:chat", "user:write:chat", "moderator:manage:banned_users",
      "moderator:read:chatters", "moderator:manage:chat_messages", "moderator:read:followers",
    ]
    let (_, token) = try await harness.control(
      "POST", "/tokens", ["client_id": "warden-test", "user": "streamer", "scopes": scopes])
    return (try #require(token["access_token"] as? String), try #require(channel["id"] as? String))
  }

  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/Simulator/Scenarios")

  /// Starts the twitch-sim executable and returns it with its URLs.
  private func launch(_ temp: borrowing TemporaryDirectory, _ extra: [String] = []) async throws -> (Process, Data) {
    let ready = temp.sub("ready.json")
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let process = Process()
    process.executableURL = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("twitch-sim")
    process.arguments = ["--listen", "127.0.0.1:0", "--ready-file", ready, "--log-level", "warning"] + extra
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    #expect(await eventually { FileManager.default.fileExists(atPath: ready) || !process.isRunning })
    return (process, (try? Data(contentsOf: URL(fileURLWithPath: ready))) ?? Data())
  }

  @Test func theExecutableWritesItsURLsAndStopsOnSIGTERM() async throws {
    let temp = TemporaryDirectory("ts")
    let (process, data) = try await launch(temp)
    let urls = try JSONDecoder().decode(SimURLs.self, from: data)
    #expect(urls.ircWS.hasPrefix("ws://127.0.0.1:") && urls.ircWS.hasSuffix("/irc"))
    #expect(urls.ircTCP.hasPrefix("tcp://127.0.0.1:"))
    #expect(urls.eventSub.hasSuffix("/ws") && urls.helix.hasSuffix("/helix") && urls.oauth.hasSuffix("/oauth2"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: String]
    #expect(Set(object?.keys.map { $0 } ?? []) == ["irc_ws", "irc_tcp", "eventsub", "helix", "oauth", "control"])
    kill(process.processIdentifier, SIGTERM)
    #expect(await eventually { !process.isRunning })
    #expect(process.terminationStatus == 0)
  }

  @Test(arguments: ["minimal.yaml", "demo.yaml"])
  func theExecutablePlaysAScenario(_ file: String) async throws {
    let temp = TemporaryDirectory("ts")
    let path = Self.scenarios.appendingPathComponent(file).path
    let (process, data) = try await launch(temp, ["--scenario", path, "--scenario-speed", "20"])
    let urls = try JSONDecoder().decode(SimURLs.self, from: data)
    let tokens = URL(string: urls.control + "/tokens")!
    #expect(
      await eventually {
        guard let (body, _) = try? await URLSession.shared.data(from: tokens),
          let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return false }
        return !((object["tokens"] as? [Any]) ?? []).isEmpty
      }, "the scenario's tokens are minted")
    #expect(process.isRunning, "twitch-sim keeps serving while the scenario plays")
    kill(process.processIdentifier, SIGTERM)
    #expect(await eventually { !process.isRunning })
    #expect(process.terminationStatus == 0)
  }

  @Test func controlErrorsSayWhatIsWrong() async throws {
    let harness = try await SimHarness.start()
    let (missing, body) = try await harness.control("POST", "/users", [:])
    #expect(missing == 400 && (body["message"] as? String)?.contains("'login' is required") == true)
    let (unknown, fault) = try await harness.control("POST", "/faults", ["kind": "meteor"])
    #expect(unknown == 400 && (fault["message"] as? String)?.contains("unknown fault 'meteor'") == true)
    let (absent, channel) = try await harness.control(
      "POST", "/chat", ["channel": "nobody", "user": "x", "text": "hi"])
    #expect(absent == 404 && channel["error"] as? String == "Not Found")
    await harness.stop()
  }

  @Test func chatRefusalsAndActionsAreReported() async throws {
    let harness = try await SimHarness.start()
    let seeded = try await seed(harness)
    let (_, sent) = try await harness.control(
      "POST", "/chat", ["channel": "streamer", "user": "viewer", "text": "hi Kappa"])
    #expect(sent["status"] as? String == "sent")
    let viewer = try #require(harness.world.user(login: "viewer"))
    try harness.world.ban(
      channelID: seeded.broadcasterID, userID: viewer.id, moderatorID: seeded.broadcasterID, durationSeconds: nil,
      reason: "spam")
    let (_, refused) = try await harness.control(
      "POST", "/chat", ["channel": "streamer", "user": "viewer", "text": "hi"])
    #expect(refused["status"] as? String == "refused" && refused["notice"] as? String == "msg_banned")
    await harness.stop()
  }

  @Test func aRawSocketIRCSessionInPython() async throws {
    let harness = try await SimHarness.start()
    let seeded = try await seed(harness)
    let port = try #require(harness.urls.ircTCP.split(separator: ":").last.map(String.init))
    let (code, output) = try await runPython(
      "irc_client.py", ["127.0.0.1", port, seeded.token, "streamer", "streamer"])
    #expect(code == 0, "\(output)")
    await harness.stop()
  }

  @Test func helixFromPythonURLLib() async throws {
    let harness = try await SimHarness.start()
    let seeded = try await seed(harness)
    for index in 0..<150 {
      let (_, user) = try await harness.control("POST", "/users", ["login": "chatter\(index)"])
      harness.world.setPresence(userID: try #require(user["id"] as? String), in: seeded.broadcasterID, present: true)
    }
    let viewer = try #require(harness.world.user(login: "viewer"))
    let chatters = harness.world.chatters(of: seeded.broadcasterID).count
    let (code, output) = try await runPython(
      "helix_client.py",
      [
        harness.urls.helix, harness.urls.oauth, "warden-test", seeded.token, seeded.broadcasterID, viewer.id,
        "\(chatters)",
      ])
    #expect(code == 0, "\(output)")
    #expect(harness.world.actions(kind: "ban").count + harness.world.actions(kind: "timeout").count >= 1)
    await harness.stop()
  }

  @Test func theDeviceCodeFlowFromPython() async throws {
    let harness = try await SimHarness.start { $0.oauth.enforcePollInterval = false }
    _ = try await seed(harness)
    try await harness.control("POST", "/apps", ["client_id": "warden-public"])
    let (code, output) = try await runPython(
      "oauth_device_client.py", [harness.urls.oauth, harness.urls.control, "warden-public", "streamer"])
    #expect(code == 0, "\(output)")
    await harness.stop()
  }

  @Test func anEventSubReconnectHandoverFromPython() async throws {
    let harness = try await SimHarness.start()
    let seeded = try await seed(harness)
    let (code, output) = try await runPython(
      "eventsub_reconnect.py",
      [
        harness.urls.eventSub, harness.urls.helix, harness.urls.control, "warden-test", seeded.token,
        seeded.broadcasterID, "streamer", "viewer",
      ])
    #expect(code == 0, "\(output)")
    await harness.stop()
  }

  @Test func messagesSentOverIRCAreInTheActionsLog() async throws {
    let harness = try await SimHarness.start()
    let seeded = try await seed(harness)
    let port = try #require(harness.urls.ircTCP.split(separator: ":").last.map(String.init))
    let (code, output) = try await runPython(
      "irc_client.py", ["127.0.0.1", port, seeded.token, "streamer", "streamer"])
    #expect(code == 0, "\(output)")
    let sent = harness.world.actions(kind: "send_message").filter { $0.via == "irc" }
    #expect(!sent.isEmpty && sent.allSatisfy { $0.clientID == "warden-test" && $0.actorID == seeded.broadcasterID })
    await harness.stop()
  }
}
