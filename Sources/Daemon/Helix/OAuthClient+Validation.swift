import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `validate` and `revoke`.
extension OAuthClient {
  /// Asks Twitch about an access token: its client, account, scopes and time left. A token
  /// Twitch no longer accepts (expired, revoked, unknown) throws `OAuthError.invalidToken`.
  public func validate(accessToken: String) async throws -> TokenValidation {
    let operation = "validate the token"
    var request = URLRequest(url: baseURL.appendingPathComponent("validate"))
    request.httpMethod = "GET"
    request.setValue("OAuth \(accessToken)", forHTTPHeaderField: "Authorization")
    let reply = try await send(request, path: "validate", operation: operation)
    if reply.status == 401 {
      throw OAuthError(.invalidToken, operation: operation, status: 401, message: reply.message)
    }
    guard reply.isSuccess else { throw failure(reply, operation: operation) }
    return try decode(TokenValidation.self, reply, operation: operation)
  }

  /// Revokes an access token (and with it its refresh token).
  public func revoke(accessToken: String) async throws {
    let operation = "revoke the token"
    let reply = try await post(
      "revoke", [("client_id", credentials.clientID), ("token", accessToken)], operation: operation)
    guard reply.isSuccess else { throw failure(reply, operation: operation) }
  }
}
