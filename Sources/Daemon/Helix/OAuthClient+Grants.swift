import Foundation

/// The authorization code, client credentials and refresh grants.
extension OAuthClient {
  /// The page to send the browser to for the authorization code flow. Twitch redirects to
  /// `redirectURI` (which must be registered exactly) with `code` and `state`.
  public func authorizeURL(redirectURI: String, scopes: [String], state: String) -> URL {
    let query = FormEncoding.encode([
      ("response_type", "code"), ("client_id", credentials.clientID), ("redirect_uri", redirectURI),
      ("scope", scopes.joined(separator: " ")), ("state", state),
    ])
    var components = URLComponents(url: baseURL.appendingPathComponent("authorize"), resolvingAgainstBaseURL: false)
    components?.percentEncodedQuery = query
    return components?.url ?? baseURL
  }

  /// Exchanges an authorization code for a user token. Needs the client secret.
  public func exchangeCode(_ code: String, redirectURI: String) async throws -> OAuthToken {
    let operation = "exchange the authorization code"
    guard let secret = credentials.clientSecret else { throw OAuthError(.missingClientSecret, operation: operation) }
    let reply = try await post(
      "token",
      [
        ("client_id", credentials.clientID), ("client_secret", secret), ("code", code),
        ("grant_type", "authorization_code"), ("redirect_uri", redirectURI),
      ], operation: operation)
    guard reply.isSuccess else { throw failure(reply, operation: operation, clientKind: .invalidGrant) }
    let body = try decode(OAuthWire.TokenResponse.self, reply, operation: operation)
    return token(from: body, kind: .user, requestedScopes: [])
  }

  /// An app access token (client credentials). Needs the client secret.
  public func clientCredentials() async throws -> OAuthToken {
    let operation = "get an app access token"
    guard let secret = credentials.clientSecret else { throw OAuthError(.missingClientSecret, operation: operation) }
    let reply = try await post(
      "token",
      [("client_id", credentials.clientID), ("client_secret", secret), ("grant_type", "client_credentials")],
      operation: operation)
    guard reply.isSuccess else { throw failure(reply, operation: operation) }
    let body = try decode(OAuthWire.TokenResponse.self, reply, operation: operation)
    return token(from: body, kind: .app, requestedScopes: [])
  }

  /// A new access token for a refresh token. A public client sends no secret, and its refresh
  /// token rotates: the answer's `refreshToken` replaces the old one, which is spent. A
  /// confidential client sends its secret and usually keeps its refresh token; the result
  /// then carries the one passed in. A refused refresh token is `.invalidGrant`.
  /// The result has no `userID` or `login`: the caller keeps them from the old token.
  public func refresh(refreshToken: String) async throws -> OAuthToken {
    let operation = "refresh the token"
    var fields: [(name: String, value: String)] = [("client_id", credentials.clientID)]
    if let secret = credentials.clientSecret { fields.append(("client_secret", secret)) }
    fields += [("grant_type", "refresh_token"), ("refresh_token", refreshToken)]
    let reply = try await post("token", fields, operation: operation)
    guard reply.isSuccess else { throw failure(reply, operation: operation, clientKind: .invalidGrant) }
    let body = try decode(OAuthWire.TokenResponse.self, reply, operation: operation)
    var token = token(from: body, kind: .user, requestedScopes: [])
    if token.refreshToken == nil { token.refreshToken = refreshToken }
    logger.info(
      "twitch token refreshed",
      metadata: ["oauth.refresh_rotated": "\(body.refreshToken.map { $0 != refreshToken } ?? false)"])
    return token
  }
}
