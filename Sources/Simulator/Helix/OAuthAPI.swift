import Foundation
import Hummingbird
import Logging
import TwitchSimCore

/// Twitch's OAuth server (`https://id.twitch.tv/oauth2`): the device code, authorization code,
/// client credentials and refresh grants, `validate` and `revoke`, with Twitch's bodies
/// (`{"status":400,"message":"…"}`). Parameters are read from the query string and from an
/// `application/x-www-form-urlencoded` body, as Twitch accepts both.
///
/// `GET authorize` has no one to click "Authorize": it redirects at once to
/// `redirect_uri?code=…&scope=…&state=…` (or, with `response_type=token`, to
/// `redirect_uri#access_token=…`) for the user named by the simulator-only `login` query
/// parameter, or else the broadcaster of the first channel (by id), or else the first user.
public struct OAuthAPI: Sendable {
  public struct Options: Sendable {
    /// Answer `slow_down` to a device code polled again sooner than its `interval`
    /// (Twitch: 5 seconds). Tests that poll back to back can turn it off.
    public var enforcePollInterval = true
    /// Where the device flow sends the user (shown only; nothing is served there).
    public var verificationURI = "https://www.twitch.tv/activate"

    public init() {}
  }

  let world: SimWorld
  let options: Options
  let logger: Logger
  /// Last poll of each device code, for `slow_down`.
  let lastPolls = DevicePollLog()

  public init(world: SimWorld, logger: Logger) {
    self.init(world: world, options: .init(), logger: logger)
  }

  public init(world: SimWorld, options: Options, logger: Logger) {
    self.world = world
    self.options = options
    self.logger = logger
  }

  /// Adds `device`, `token`, `validate`, `revoke` and `authorize` under `prefix` (`/oauth2`).
  public func addRoutes<Context: RequestContext>(to router: Router<Context>, prefix: String) {
    let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
    router.post(RouterPath(base + "/device")) { request, _ in await respond(request, startDevice) }
    router.post(RouterPath(base + "/token")) { request, _ in await respond(request, token) }
    router.post(RouterPath(base + "/revoke")) { request, _ in await respond(request, revoke) }
    router.get(RouterPath(base + "/validate")) { request, _ in validate(request) }
    router.get(RouterPath(base + "/authorize")) { request, _ in await respond(request, authorize) }
  }

  /// Reads the query and form fields, runs `handler` and renders its refusal Twitch's way.
  private func respond(_ request: Request, _ handler: (FormFields) throws(SimError) -> Response) async -> Response {
    var request = request
    var fields = FormFields(encoded: request.uri.query ?? "")
    if let body = try? await request.collectBody(upTo: 1 << 16), body.readableBytes > 0 {
      fields = fields.merging(FormFields(encoded: String(buffer: body)))
    }
    do {
      return try handler(fields)
    } catch {
      logger.debug(
        "oauth refused", metadata: ["oauth.path": "\(request.uri.path)", "oauth.status": "\(error.status)"])
      return Self.error(error)
    }
  }

  // MARK: validate and revoke

  /// `Authorization: OAuth <token>` (Twitch also takes `Bearer`) → the token's client, user,
  /// scopes and seconds left.
  func validate(_ request: Request) -> Response {
    guard let header = request.headers[.authorization],
      let space = header.firstIndex(of: " "),
      ["oauth", "bearer"].contains(header[..<space].lowercased())
    else { return Self.error(.unauthorized("missing authorization token")) }
    let accessToken = header[header.index(after: space)...].trimmingCharacters(in: .whitespaces)
    guard let token = world.validToken(accessToken) else { return Self.error(.unauthorized("invalid access token")) }
    var body: [String: JSONParam] = [
      "client_id": .string(token.clientID), "scopes": .array(token.scopes.map { .string($0) }),
      "expires_in": .int(Int64(expiresIn(token))),
    ]
    if let userID = token.userID, let user = world.user(id: userID) {
      body["login"] = .string(user.login)
      body["user_id"] = .string(user.id)
    }
    return JSONBody.response(.object(body), status: .ok)
  }

  /// `client_id` and `token` → 200 with no body.
  func revoke(_ fields: FormFields) throws(SimError) -> Response {
    guard let clientID = fields["client_id"] else { throw .badRequest("missing client id") }
    guard world.app(clientID: clientID) != nil else { throw .notFound("client does not exist") }
    guard let accessToken = fields["token"], let token = world.validToken(accessToken), token.clientID == clientID,
      world.revoke(accessToken: accessToken)
    else { throw .badRequest("Invalid token") }
    return Response(status: .ok)
  }

  // MARK: Rendering

  func expiresIn(_ token: SimToken) -> Int {
    max(0, Int(token.expiresAt.timeIntervalSince(world.now())))
  }

  /// The token endpoint's success body.
  func tokenResponse(_ token: SimToken) -> Response {
    var body: [String: JSONParam] = [
      "access_token": .string(token.accessToken), "expires_in": .int(Int64(expiresIn(token))),
      "token_type": "bearer",
    ]
    if let refresh = token.refreshToken {
      body["refresh_token"] = .string(refresh)
      body["scope"] = .array(token.scopes.map { .string($0) })
    }
    return JSONBody.response(.object(body), status: .ok)
  }

  /// `{"status":400,"message":"…"}`, the identity server's error shape (no `error` field,
  /// except on refresh failures, which Twitch documents with it).
  static func error(_ error: SimError, withPhrase: Bool = false) -> Response {
    var body: [String: JSONParam] = ["status": .int(Int64(error.status)), "message": .string(error.message)]
    if withPhrase { body["error"] = .string(error.error) }
    return JSONBody.response(.object(body), status: HTTPResponse.Status(code: error.status))
  }

  /// Space-separated scopes (`scopes` in the device flow, `scope` elsewhere).
  static func scopes(_ fields: FormFields) -> [String] {
    (fields["scopes"] ?? fields["scope"] ?? "").split(separator: " ").map(String.init)
  }
}
