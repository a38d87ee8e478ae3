import Foundation
import Logging
import WardenGateway

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The request pipeline every endpoint goes through.
extension HelixClient {
  /// One call: the endpoint, its query and its JSON body.
  struct Call {
    var endpoint: HelixEndpoint
    var query: [(name: String, value: String)] = []
    var body: Data?
  }

  /// What came back.
  enum Answer {
    case response(status: Int, data: Data, headers: [(name: String, value: String)])
    case networkError(String)
  }

  /// Sends `call` until it succeeds or the retry policy gives up; returns the body of the
  /// 2xx answer. Throws `HelixError`, or `CancellationError` when the task is cancelled.
  func perform(_ call: Call) async throws -> Data {
    var attempts = HelixRetryPolicy.Attempts()
    var attempt = 0
    var metadata: Logger.Metadata = ["twitch.endpoint": "\(call.endpoint)"]
    while true {
      attempt += 1
      metadata["http.attempt"] = "\(attempt)"
      guard let token = await tokens.accessToken() else { throw HelixError(.noToken, endpoint: call.endpoint) }
      let key = Self.bucketKey(token)
      try await waitForBucket(key, metadata: metadata)
      let answer = try await send(call, token: token)
      let outcome: HelixRetryPolicy.Outcome
      switch answer {
      case .response(let status, _, let headers):
        let unixNow = Date().timeIntervalSince1970
        limiters.withLock {
          $0[key, default: HelixRateLimiter()].record(
            status: status, headers: HelixRateLimitHeaders(headers: headers), now: .now, unixNow: unixNow)
        }
        metadata["http.status"] = "\(status)"
        outcome = .status(status)
      case .networkError:
        metadata["http.status"] = nil
        outcome = .networkError
      }
      switch retryPolicy.decide(outcome, attempts: &attempts) {
      case .succeed:
        logger.debug("helix request done", metadata: metadata)
        guard case .response(_, let data, _) = answer else { return Data() }
        return data
      case .retry(let delay):
        logger.warning(
          "helix request failed; retrying",
          metadata: metadata.merging(["http.retry_in_ms": "\(delay.wholeMilliseconds)"]) { $1 })
        try await Task.sleep(for: delay)
      case .retryAfterRateLimit:
        logger.warning("helix rate limit reached; waiting for the reset", metadata: metadata)
      case .refreshTokenThenRetry:
        let error = Self.error(for: answer, endpoint: call.endpoint)
        guard error.kind == .unauthorized else { throw error }
        logger.info("helix refused the token; refreshing", metadata: metadata)
        guard await tokens.refreshAfterUnauthorized(failedToken: token) != nil else { throw error }
      case .fail:
        let error = Self.error(for: answer, endpoint: call.endpoint)
        logger.warning(
          "helix request failed", metadata: metadata.merging(["twitch.message": "\(error.message ?? "")"]) { $1 })
        throw error
      }
    }
  }

  /// Waits until the token's bucket has a point.
  private func waitForBucket(_ key: Int, metadata: Logger.Metadata) async throws {
    while true {
      let decision = limiters.withLock { limiters in
        if limiters.count > 16 && limiters[key] == nil { limiters.removeAll() }
        return limiters[key, default: HelixRateLimiter()].acquire(now: .now)
      }
      guard case .wait(let until) = decision else { return }
      logger.debug("helix bucket empty; waiting", metadata: metadata)
      try await Task.sleep(until: until, clock: .continuous)
    }
  }

  /// One HTTP exchange.
  private func send(_ call: Call, token: String) async throws -> Answer {
    var url = baseURL.appendingPathComponent(call.endpoint.path)
    if !call.query.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) {
      components.percentEncodedQuery = FormEncoding.encode(call.query)
      url = components.url ?? url
    }
    var request = URLRequest(url: url)
    request.httpMethod = call.endpoint.method
    request.cachePolicy = .reloadIgnoringLocalCacheData
    request.setValue(clientID, forHTTPHeaderField: "Client-Id")
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let body = call.body {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = body
    }
    do {
      let (data, response) = try await session.uncancelledData(for: request)
      guard let http = response as? HTTPURLResponse else { return .networkError("not an HTTP answer") }
      let headers = http.allHeaderFields.map { (name: "\($0.key)", value: "\($0.value)") }
      return .response(status: http.statusCode, data: data, headers: headers)
    } catch {
      if NetworkFailure.isCancellation(error) { throw CancellationError() }
      return .networkError(NetworkFailure.describe(error))
    }
  }

  /// The error for a failed answer, with Twitch's message from the body.
  static func error(for answer: Answer, endpoint: HelixEndpoint) -> HelixError {
    switch answer {
    case .networkError(let cause):
      return HelixError(.network, endpoint: endpoint, message: cause)
    case .response(let status, let data, _):
      let message = (try? JSONDecoder().decode(ErrorBody.self, from: data))?.message
      return HelixError(.forStatus(status, message: message), endpoint: endpoint, status: status, message: message)
    }
  }

  /// `{"error":"Bad Request","status":400,"message":"…"}`.
  private struct ErrorBody: Decodable {
    var message: String?
  }

  static func bucketKey(_ token: String) -> Int {
    var hasher = Hasher()
    hasher.combine(token)
    return hasher.finalize()
  }
}
