import Foundation

/// The device code flow (RFC 8628), the one sign-in that needs no client secret.
extension OAuthClient {
  static let deviceGrant = "urn:ietf:params:oauth:grant-type:device_code"

  /// Starts a device sign-in for `scopes`: show the user `verificationURI` and `userCode`,
  /// then call `pollDeviceAuthorization`.
  public func startDeviceAuthorization(scopes: [String]) async throws -> DeviceAuthorization {
    let operation = "start the device sign-in"
    let reply = try await post(
      "device", [("client_id", credentials.clientID), ("scopes", scopes.joined(separator: " "))], operation: operation)
    guard reply.isSuccess else { throw failure(reply, operation: operation) }
    let body = try decode(OAuthWire.DeviceResponse.self, reply, operation: operation)
    logger.info("twitch device sign-in started", metadata: ["oauth.expires_in": "\(body.expiresIn)"])
    return DeviceAuthorization(
      deviceCode: body.deviceCode, userCode: body.userCode, verificationURI: body.verificationURI,
      expiresIn: body.expiresIn, interval: body.interval ?? 5,
      expiresAt: clock.now().addingTimeInterval(TimeInterval(body.expiresIn)), scopes: scopes)
  }

  /// Polls until the user approves (the user token), declines (`.accessDenied`) or the code
  /// lapses (`.deviceCodeExpired`). Waits `interval` seconds before each poll and 5 seconds
  /// more after every `slow_down`. Network and server failures are retried until the code
  /// lapses. Cancelling the task stops it with `CancellationError`.
  public func pollDeviceAuthorization(_ authorization: DeviceAuthorization) async throws -> OAuthToken {
    let operation = "finish the device sign-in"
    var interval = max(authorization.interval, 1)
    while true {
      guard clock.now() < authorization.expiresAt else { throw OAuthError(.deviceCodeExpired, operation: operation) }
      try await clock.sleep(for: .seconds(interval))
      guard clock.now() < authorization.expiresAt else { throw OAuthError(.deviceCodeExpired, operation: operation) }
      let reply: Reply
      do {
        reply = try await post(
          "token",
          [
            ("client_id", credentials.clientID), ("device_code", authorization.deviceCode),
            ("grant_type", Self.deviceGrant), ("scopes", authorization.scopes.joined(separator: " ")),
          ], operation: operation)
      } catch let error as OAuthError where error.isRetryable {
        continue
      }
      if reply.isSuccess {
        let body = try decode(OAuthWire.TokenResponse.self, reply, operation: operation)
        logger.info("twitch device sign-in approved")
        return token(from: body, kind: .user, requestedScopes: authorization.scopes)
      }
      if reply.status >= 500 { continue }
      switch reply.message ?? "" {
      case "authorization_pending":
        continue
      case "slow_down":
        interval += 5
        logger.debug("twitch asked to poll more slowly", metadata: ["oauth.interval": "\(interval)"])
      case "access_denied":
        throw OAuthError(.accessDenied, operation: operation, status: reply.status, message: "access_denied")
      case "expired_token", "invalid device code":
        throw OAuthError(.deviceCodeExpired, operation: operation, status: reply.status, message: reply.message)
      default:
        throw failure(reply, operation: operation)
      }
    }
  }
}
