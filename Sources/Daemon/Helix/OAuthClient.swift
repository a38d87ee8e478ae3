import Foundation
import Logging

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Twitch's identity server (`https://id.twitch.tv/oauth2`): the device code flow, the
/// authorization code flow, client credentials, refresh, validate and revoke. Stateless: the
/// token manager keeps the tokens. Tokens, secrets and device codes never reach the logs or
/// the errors.
public final class OAuthClient: Sendable {
  /// The identity server, e.g. `https://id.twitch.tv/oauth2`.
  public let baseURL: URL
  /// The client id and, for a confidential client, its secret.
  public let credentials: TwitchCredentials
  let session: URLSession
  let clock: AuthClock
  let logger: Logger

  /// - Parameters:
  ///   - clock: time and waiting for the device flow's polling (tests move it by hand).
  public init(
    baseURL: URL, credentials: TwitchCredentials, session: URLSession = .shared, clock: AuthClock = .system,
    logger: Logger
  ) {
    self.baseURL = baseURL
    self.credentials = credentials
    self.session = session
    self.clock = clock
    self.logger = logger
  }

  /// An answer from the identity server.
  struct Reply {
    var status: Int
    var data: Data

    var isSuccess: Bool { (200..<300).contains(status) }

    /// Twitch's `message` (or `error`) from an error body.
    var message: String? {
      let body = try? JSONDecoder().decode(OAuthWire.ErrorBody.self, from: data)
      return body?.message ?? body?.error
    }
  }

  /// `POST <base>/<path>` with a form body.
  func post(_ path: String, _ fields: [(name: String, value: String)], operation: String) async throws -> Reply {
    var request = URLRequest(url: baseURL.appendingPathComponent(path))
    request.httpMethod = "POST"
    request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(FormEncoding.encode(fields).utf8)
    return try await send(request, path: path, operation: operation)
  }

  /// Sends; a transport failure becomes `OAuthError.network`, cancellation `CancellationError`.
  func send(_ request: URLRequest, path: String, operation: String) async throws -> Reply {
    var request = request
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    // Never answer `validate` (a GET) from a cache: a revoked token must look revoked.
    request.cachePolicy = .reloadIgnoringLocalCacheData
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await session.uncancelledData(for: request)
    } catch {
      if NetworkFailure.isCancellation(error) { throw CancellationError() }
      let cause = NetworkFailure.describe(error)
      logger.warning(
        "twitch oauth unreachable", metadata: ["twitch.endpoint": "\(request.httpMethod ?? "GET") /\(path)"])
      throw OAuthError(.network, operation: operation, message: cause)
    }
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    logger.debug(
      "twitch oauth answered",
      metadata: ["twitch.endpoint": "\(request.httpMethod ?? "GET") /\(path)", "http.status": "\(status)"])
    return Reply(status: status, data: data)
  }

  /// Decodes a success body.
  func decode<Body: Decodable>(_ type: Body.Type, _ reply: Reply, operation: String) throws -> Body {
    do {
      return try JSONDecoder().decode(type, from: reply.data)
    } catch {
      throw OAuthError(.decoding, operation: operation, status: reply.status, message: DecodingFailure.describe(error))
    }
  }

  /// The error for a failed answer: 5xx is `.server`, a 4xx is `clientKind` (`.rejected` by
  /// default), or `.invalidClient` when Twitch says the client or its secret is wrong.
  func failure(_ reply: Reply, operation: String, clientKind: OAuthError.Kind = .rejected) -> OAuthError {
    let message = reply.message
    if reply.status >= 500 || reply.status == 0 {
      return OAuthError(.server, operation: operation, status: reply.status, message: message)
    }
    let lowered = message?.lowercased() ?? ""
    if lowered.contains("invalid client") || lowered.contains("client secret") || lowered.contains("client id") {
      return OAuthError(.invalidClient, operation: operation, status: reply.status, message: message)
    }
    return OAuthError(clientKind, operation: operation, status: reply.status, message: message)
  }

  /// A token from the token endpoint's answer; the expiry is counted from now.
  func token(from response: OAuthWire.TokenResponse, kind: OAuthToken.Kind, requestedScopes: [String]) -> OAuthToken {
    OAuthToken(
      accessToken: response.accessToken, refreshToken: response.refreshToken,
      scopes: response.scopes ?? requestedScopes,
      expiresAt: response.expiresIn.map { clock.nowMS + Int64($0) * 1000 }, kind: kind)
  }
}
