import Foundation
import Synchronization
import Testing
import WardenCLI
import WardenProtocol

/// Whole command lines against a stand-in daemon: what goes on the wire, what is printed where,
/// and the exit status.
@Suite struct GatewayRoundTripTests {
  static let channel = TwitchChannel(id: "1", login: "pixelpaladin")
  static let bot = TwitchUser(id: "9", login: "warden_bot", displayName: "WardenBot")

  /// Runs `arguments` against `stub` and returns the exit status and what was written.
  func run(_ arguments: [String], _ stub: StubDaemon) async -> (Int32, Transcript) {
    let transcript = Transcript()
    let code = await WardenCommand.run(
      arguments: arguments + ["--runtime-dir", stub.directory], transcript: transcript)
    return (code, transcript)
  }

  static func value(_ payload: some Encodable) -> JSONValue {
    (try? WireCoding.value(payload)) ?? .null
  }

  @Test func aTimeoutIsSentOnceAndReportedInOneLine() async throws {
    let stub = try await StubDaemon.start { _ in
      .success(
        Self.value(
          ModActionResult(
            action: "timeout", channel: Self.channel, user: TwitchUser(login: "alice"), durationS: 600,
            reason: "spam")))
    }
    let (code, out) = await run(["timeout", "@Alice", "10m", "--reason", "spam"], stub)
    #expect(code == 0)
    #expect(out.standardOutput == ["Timed out alice in #pixelpaladin for 10m (reason: spam)"])
    #expect(out.standardError.isEmpty)
    #expect(stub.requests.map(\.cmd) == ["mod.timeout"])
    #expect(stub.requests.first?.args == ["user": "alice", "duration_s": 600, "reason": "spam"])
    try await stub.stop()
  }

  @Test func jsonPrintsTheResultAsOneLine() async throws {
    let result = ModActionResult(action: "ban", channel: Self.channel, user: TwitchUser(login: "bob"))
    let stub = try await StubDaemon.start { _ in .success(Self.value(result)) }
    let (code, out) = await run(["ban", "bob", "--json"], stub)
    #expect(code == 0)
    #expect(out.standardOutput.count == 1)
    let printed = try WireCoding.decoder.decode(ModActionResult.self, from: Data((out.standardOutput.first ?? "").utf8))
    #expect(printed == result)
    try await stub.stop()
  }

  @Test func aRefusalPrintsTheDaemonsMessageAndExits1() async throws {
    let stub = try await StubDaemon.start { _ in
      .failure(ProtocolError(ErrorCode(rawValue: "twitch_error"), "bob is already banned in #pixelpaladin"))
    }
    for json in [false, true] {
      let (code, out) = await run(["ban", "bob"] + (json ? ["--json"] : []), stub)
      #expect(code == 1)
      #expect(out.standardOutput.isEmpty)
      #expect(out.standardError == ["warden: bob is already banned in #pixelpaladin"])
    }
    try await stub.stop()
  }

  @Test func aDroppedChatMessageIsAFailure() async throws {
    let stub = try await StubDaemon.start { _ in
      .success(Self.value(ChatSendResult(channel: Self.channel, messageID: nil, sent: false, dropReason: "AutoMod")))
    }
    let (code, out) = await run(["say", "hello", "there"], stub)
    #expect(code == 1)
    #expect(out.standardOutput.isEmpty)
    #expect(out.standardError == ["warden: Twitch dropped the message in #pixelpaladin: AutoMod"])
    #expect(stub.requests.first?.args == ["text": "hello there"])
    try await stub.stop()
  }

  @Test func anUnreadableResultIsAFailure() async throws {
    let stub = try await StubDaemon.start { _ in .success(["surprise": true]) }
    let (code, out) = await run(["unban", "bob"], stub)
    #expect(code == 1)
    #expect(out.standardError == [#"warden: mod.unban: unexpected result {"surprise":true}"#])
    try await stub.stop()
  }

  @Test func loginShowsTheCodeAndWaitsUntilTheDaemonIsAuthenticated() async throws {
    let polls = Counter()
    let stub = try await StubDaemon.start { request in
      let offer = AuthLoginResult(
        flow: .device, verificationURI: "https://www.twitch.tv/activate", userCode: "ABCD-EFGH",
        expiresAt: Int64(Date().timeIntervalSince1970 * 1000) + 600_000)
      switch request.cmd {
      case CommandName.authLogin:
        return .success(Self.value(offer))
      case CommandName.authStatus where polls.next() < 2:
        return .success(Self.value(AuthStatusResult(state: .anonymous, message: "no token", pending: offer)))
      default:
        return .success(Self.value(AuthStatusResult(state: .authenticated, user: Self.bot, scopes: ["chat:read"])))
      }
    }
    let (code, out) = await run(["login"], stub)
    #expect(code == 0)
    #expect(out.standardOutput.contains("    ABCD-EFGH"))
    #expect(out.standardOutput.contains("    https://www.twitch.tv/activate"))
    #expect(out.standardOutput.last == "Logged in as WardenBot (warden_bot) with scopes chat:read")
    #expect(stub.requests.map(\.cmd) == ["auth.login", "auth.status", "auth.status", "auth.status"])
    try await stub.stop()
  }

  @Test func loginFailsWithTheDaemonsReason() async throws {
    let stub = try await StubDaemon.start { request in
      guard request.cmd == CommandName.authLogin else {
        return .success(Self.value(AuthStatusResult(state: .anonymous, message: "the user denied access")))
      }
      return .success(
        Self.value(AuthLoginResult(flow: .code, verificationURI: "http://localhost/x", userCode: nil, expiresAt: 0)))
    }
    let (code, out) = await run(["login", "--code"], stub)
    #expect(code == 1)
    #expect(
      out.standardError == [
        "warden: the login ended without authorization: the user denied access; run `warden login` again"
      ])
    #expect(stub.requests.first?.args == ["flow": "code"])
    try await stub.stop()
  }

  @Test func statusShowsTheGateway() async throws {
    let status = StatusResult(
      serverVersion: "0.1.0", protocolVersion: 1, zmqVersion: "4.3.5", pid: 42, epoch: "e", startedAt: 0,
      uptimeMS: 1000, subscribers: 0, seqs: [:], counters: [:],
      endpoints: DaemonEndpoints(events: "ipc:///r/events.v1", commands: "ipc:///r/cmd.v1"), runtimeDir: "/r",
      dataDir: "/d",
      twitch: GatewayStatus(
        auth: AuthStatusResult(state: .anonymous, message: "no token"), connections: [],
        channels: [ChannelInfo(login: "pixelpaladin", joined: true)]))
    let stub = try await StubDaemon.start { _ in .success(Self.value(status)) }
    let (code, out) = await run(["status"], stub)
    #expect(code == 0)
    #expect(out.standardOutput.contains("Twitch: anonymous — moderation unavailable: no token"))
    #expect(out.standardOutput.contains("  channels      #pixelpaladin joined"))
    try await stub.stop()
  }

  @Test(arguments: [["ban", "bob"], ["slow", "off"], ["channels"], ["login"], ["auth"]])
  func withoutADaemonTheExitIs3(_ arguments: [String]) async {
    let transcript = Transcript()
    let none = "/tmp/wcli-none-\(UInt32.random(in: .min ... .max))"
    let code = await WardenCommand.run(arguments: arguments + ["--runtime-dir", none], transcript: transcript)
    #expect(code == 3)
    #expect(transcript.standardError.first?.hasPrefix("warden: wardend is not running") == true)
  }
}

/// Counts calls from the stub's thread.
private final class Counter: Sendable {
  private let count = Atomic<Int>(0)

  /// The count before this call.
  func next() -> Int { count.add(1, ordering: .relaxed).oldValue }
}
