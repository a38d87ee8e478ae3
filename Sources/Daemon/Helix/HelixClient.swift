import Foundation
import Logging
import Synchronization
import WardenGateway

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Twitch's Helix API over `URLSession`: the endpoints Warden uses, each request paced by a
/// rate limiter per token (following the `Ratelimit-*` headers), retried as
/// `HelixRetryPolicy` decides (429 waits for the reset, 5xx and network failures back off,
/// 401 refreshes the token once), and failures reported as `HelixError`.
public final class HelixClient: Sendable {
  /// The API's base, e.g. `https://api.twitch.tv/helix`.
  public let baseURL: URL
  /// Sent as `Client-Id`; must be the client the token was issued to.
  public let clientID: String
  let tokens: any HelixTokenSource
  let session: URLSession
  let retryPolicy: HelixRetryPolicy
  let logger: Logger
  /// One bucket per token, by the token's hash (the token itself is not kept here).
  let limiters = Mutex<[Int: HelixRateLimiter]>([:])

  /// - Parameters:
  ///   - tokens: where the bearer token comes from (`TokenManager`, or its `appTokens`).
  ///   - retryPolicy: retries and backoff (Twitch-friendly defaults).
  public init(
    baseURL: URL, clientID: String, tokens: any HelixTokenSource, session: URLSession = .shared,
    retryPolicy: HelixRetryPolicy = .init(), logger: Logger
  ) {
    self.baseURL = baseURL
    self.clientID = clientID
    self.tokens = tokens
    self.session = session
    self.retryPolicy = retryPolicy
    self.logger = logger
  }
}
