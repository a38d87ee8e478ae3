import Foundation
import Synchronization
import Testing
import TwitchSimCore
import WardenHelix

/// The device code flow against the simulator's identity server.
@Suite struct DeviceFlowTests {
  /// A clock that does not wait: each sleep records its length and runs `onSleep`.
  final class RecordingClock: Sendable {
    let sleeps = Mutex<[TimeInterval]>([])
    let offset = Mutex<TimeInterval>(0)
    let onSleep: @Sendable (_ index: Int, _ seconds: TimeInterval) async throws -> Void
    /// Seconds of clock time each sleep moves forward (besides the real time that passes).
    let skip: TimeInterval

    init(skip: TimeInterval = 0, onSleep: @escaping @Sendable (Int, TimeInterval) async throws -> Void = { _, _ in }) {
      self.skip = skip
      self.onSleep = onSleep
    }

    var clock: AuthClock {
      AuthClock(
        now: { Date().addingTimeInterval(self.offset.withLock { $0 }) },
        sleepUntil: { deadline in
          let seconds = (deadline.timeIntervalSince(Date().addingTimeInterval(self.offset.withLock { $0 }))).rounded()
          let index = self.sleeps.withLock { sleeps in
            sleeps.append(seconds)
            return sleeps.count - 1
          }
          self.offset.withLock { $0 += self.skip }
          try await self.onSleep(index, seconds)
        })
    }
  }

  @Test func aDeviceSignInEndsWithAUserTokenOnceApproved() async throws {
    try await SimFixture.run(.quickPolls) { sim in
      let world = sim.world
      let moderatorID = sim.moderator.id
      let recorder = RecordingClock { index, _ in
        // The user approves while the client waits for its second poll.
        if index == 1, let pending = world.pendingDeviceCodes.first {
          try world.approveDevice(userCode: pending.userCode, userID: moderatorID)
        }
      }
      let oauth = sim.oauth(clock: recorder.clock)
      let scopes = ["moderator:manage:banned_users", "user:read:chat"]
      let authorization = try await oauth.startDeviceAuthorization(scopes: scopes)
      #expect(authorization.verificationURI.contains(authorization.userCode))
      #expect(authorization.interval == 5 && authorization.expiresIn == 1800)
      #expect(!authorization.description.contains(authorization.deviceCode))

      let token = try await oauth.pollDeviceAuthorization(authorization)
      #expect(token.kind == .user)
      #expect(token.scopes == scopes)
      #expect(token.refreshToken != nil)
      #expect(recorder.sleeps.withLock { $0 } == [5, 5], "waits `interval` seconds before each poll")
      let validation = try await oauth.validate(accessToken: token.accessToken)
      #expect(validation.userID == moderatorID && validation.login == "moddy")
      #expect(validation.clientID == SimFixture.publicClient)
    }
  }

  @Test func slowDownAddsFiveSecondsToTheInterval() async throws {
    // The simulator enforces the 5 s interval by real time: polls sooner get `slow_down`.
    try await SimFixture.run { sim in
      let world = sim.world
      let moderatorID = sim.moderator.id
      let recorder = RecordingClock { _, seconds in
        guard seconds >= 10, let pending = world.pendingDeviceCodes.first else { return }
        // After `slow_down` the client waits longer; let real time pass so the next poll is on time.
        try world.approveDevice(userCode: pending.userCode, userID: moderatorID)
        try await Task.sleep(for: .seconds(5.2))
      }
      let oauth = sim.oauth(clock: recorder.clock)
      let authorization = try await oauth.startDeviceAuthorization(scopes: ["user:read:chat"])
      let token = try await oauth.pollDeviceAuthorization(authorization)
      #expect(!token.accessToken.isEmpty)
      let sleeps = recorder.sleeps.withLock { $0 }
      #expect(sleeps.prefix(2) == [5, 5])
      #expect(sleeps.last == 10, "one slow_down: the interval grows by 5 s")
    }
  }

  @Test func aCodeThatLapsesIsAClearError() async throws {
    try await SimFixture.run(.quickPolls) { sim in
      let recorder = RecordingClock(skip: 1000)
      let oauth = sim.oauth(clock: recorder.clock)
      let authorization = try await oauth.startDeviceAuthorization(scopes: [])
      let error = try await #require(throws: OAuthError.self) { try await oauth.pollDeviceAuthorization(authorization) }
      #expect(error.kind == .deviceCodeExpired)
      #expect(error.description.contains("expired"))
      #expect(recorder.sleeps.withLock { $0.count } == 2, "gave up once the code's 1800 s had passed")
    }
  }

  @Test func aDeclinedSignInIsAccessDenied() async throws {
    try await SimFixture.run(.quickPolls) { sim in
      let world = sim.world
      let moderatorID = sim.moderator.id
      let recorder = RecordingClock { _, _ in
        if let pending = world.pendingDeviceCodes.first {
          try world.approveDevice(userCode: pending.userCode, userID: moderatorID, approve: false)
        }
      }
      let oauth = sim.oauth(clock: recorder.clock)
      let authorization = try await oauth.startDeviceAuthorization(scopes: [])
      let error = try await #require(throws: OAuthError.self) { try await oauth.pollDeviceAuthorization(authorization) }
      #expect(error.kind == .accessDenied)
    }
  }

  @Test func pollingStopsWhenCancelled() async throws {
    try await SimFixture.run { sim in
      let oauth = sim.oauth()
      let authorization = try await oauth.startDeviceAuthorization(scopes: [])
      let polling = Task { try await oauth.pollDeviceAuthorization(authorization) }
      try await Task.sleep(for: .milliseconds(50))
      polling.cancel()
      await #expect(throws: CancellationError.self) { try await polling.value }
    }
  }

  @Test func anUnknownClientIsRefused() async throws {
    try await SimFixture.run { sim in
      let oauth = OAuthClient(
        baseURL: sim.oauthURL, credentials: TwitchCredentials(clientID: "nobody"), logger: .quiet)
      let error = try await #require(throws: OAuthError.self) {
        try await oauth.startDeviceAuthorization(scopes: [])
      }
      #expect(error.kind == .invalidClient)
      #expect(error.status == 400)
    }
  }
}
