import Foundation
import Hummingbird
import Logging
import TwitchSimCore

/// The steps every Helix request goes through: injected faults, authentication, the rate
/// limit, the route's scopes, then the handler.
extension HelixAPI {
  func serve(_ request: Request, _ route: HelixRoute) async -> Response {
    var request = request
    let fault = world.takeHelixFault()
    if fault.latencyMS > 0 { try? await Task.sleep(for: .milliseconds(fault.latencyMS)) }
    let now = world.now()
    if let status = fault.status {
      return finish(route, Self.faultResponse(status, limit: options.bucketSize, now: now))
    }
    let token: SimToken
    switch authenticate(request.headers) {
    case .success(let found): token = found
    case .failure(let error): return finish(route, Self.errorResponse(error))
    }
    let decision = limiter.charge(Self.bucketKey(token), at: now)
    guard decision.allowed else {
      return finish(
        route, Self.errorResponse(SimError(status: 429, message: "Too Many Requests"), headers: decision.headers))
    }
    if !route.scopes.isEmpty && !route.scopes.contains(where: token.has(scope:)) {
      let error = SimError.unauthorized("Missing scope: \(route.scopes[0])")
      return finish(route, Self.errorResponse(error, headers: decision.headers))
    }
    let reply: HelixReply
    do {
      let buffer = try await request.collectBody(upTo: options.maxBodyBytes)
      let call = HelixCall(
        world: world, token: token, query: FormFields(encoded: request.uri.query ?? ""),
        body: try JSONBody.decode(buffer), now: now)
      reply = try route.handler(call)
    } catch let error as SimError {
      return finish(route, Self.errorResponse(error, headers: decision.headers))
    } catch {
      let tooLarge = SimError(status: 413, message: "The request body is too large.")
      return finish(route, Self.errorResponse(tooLarge, headers: decision.headers))
    }
    guard let body = reply.body else {
      return finish(route, Response(status: reply.status, headers: decision.headers))
    }
    return finish(route, JSONBody.response(body, status: reply.status, headers: decision.headers))
  }

  /// Checks `Authorization: Bearer …` and `Client-Id` the way Helix does.
  func authenticate(_ headers: HTTPFields) -> Result<SimToken, SimError> {
    guard let authorization = headers[.authorization], authorization.count > 7,
      authorization.prefix(7).lowercased() == "bearer "
    else { return .failure(.unauthorized("OAuth token is missing")) }
    guard let clientID = headers[HelixHeaders.clientID], !clientID.isEmpty else {
      return .failure(.unauthorized("Client ID is missing"))
    }
    let accessToken = authorization.dropFirst(7).trimmingCharacters(in: .whitespaces)
    guard let token = world.validToken(accessToken) else {
      return .failure(.unauthorized("Invalid OAuth token"))
    }
    guard token.clientID == clientID else { return .failure(.unauthorized("Client ID and OAuth token do not match")) }
    return .success(token)
  }

  /// Twitch keeps one bucket per client and user for user tokens, one per client for app tokens.
  static func bucketKey(_ token: SimToken) -> String {
    if let userID = token.userID { return "user:\(token.clientID):\(userID)" }
    return "app:\(token.clientID)"
  }

  /// `{"error":"Unauthorized","status":401,"message":"…"}`.
  static func errorResponse(_ error: SimError, headers: HTTPFields = [:]) -> Response {
    let body: JSONParam = [
      "error": .string(error.error), "status": .int(Int64(error.status)), "message": .string(error.message),
    ]
    return JSONBody.response(body, status: HTTPResponse.Status(code: error.status), headers: headers)
  }

  /// An injected failure: Twitch's body for the status, and for 429 an empty bucket.
  static func faultResponse(_ status: Int, limit: Int, now: Date) -> Response {
    guard status == 429 else { return errorResponse(SimError(status: status, message: "")) }
    let reset = Int(now.timeIntervalSince1970.rounded(.up)) + 1
    let decision = RateDecision(allowed: false, limit: limit, remaining: 0, reset: reset)
    return errorResponse(SimError(status: 429, message: "Too Many Requests"), headers: decision.headers)
  }

  private func finish(_ route: HelixRoute, _ response: Response) -> Response {
    logger.debug(
      "helix request",
      metadata: [
        "helix.method": "\(route.method)", "helix.path": "\(route.path)",
        "helix.status": "\(response.status.code)",
      ])
    return response
  }
}
