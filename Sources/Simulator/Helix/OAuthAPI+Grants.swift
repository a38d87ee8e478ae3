import Foundation
import Hummingbird
import TwitchSimCore

/// `POST device`, `POST token` (four grant types) and `GET authorize`.
extension OAuthAPI {
  static let deviceGrant = "urn:ietf:params:oauth:grant-type:device_code"

  /// Starts a device flow: `client_id` and `scopes`.
  func startDevice(_ fields: FormFields) throws(SimError) -> Response {
    guard let clientID = fields["client_id"] else { throw .badRequest("missing client id") }
    guard world.app(clientID: clientID) != nil else { throw .badRequest("invalid client") }
    let code = try world.startDeviceFlow(clientID: clientID, scopes: Self.scopes(fields))
    var uri = URLComponents(string: options.verificationURI)
    uri?.queryItems = [
      URLQueryItem(name: "public", value: "true"), URLQueryItem(name: "device-code", value: code.userCode),
    ]
    let body: JSONParam = [
      "device_code": .string(code.deviceCode), "user_code": .string(code.userCode),
      "verification_uri": .string(uri?.string ?? options.verificationURI),
      "expires_in": .int(Int64(max(0, code.expiresAt.timeIntervalSince(world.now())).rounded())),
      "interval": .int(Int64(code.interval)),
    ]
    return JSONBody.response(body, status: .ok)
  }

  func token(_ fields: FormFields) throws(SimError) -> Response {
    guard let grant = fields["grant_type"] else { throw .badRequest("missing grant_type") }
    guard let clientID = fields["client_id"] else { throw .badRequest("missing client id") }
    guard let app = world.app(clientID: clientID) else { throw .badRequest("invalid client") }
    let secret = fields["client_secret"]
    switch grant {
    case Self.deviceGrant:
      return try pollDevice(fields, clientID: clientID)
    case "authorization_code":
      guard let code = fields["code"] else { throw .badRequest("missing code") }
      guard let redirectURI = fields["redirect_uri"] else { throw .badRequest("missing redirect_uri") }
      return tokenResponse(
        try world.exchangeAuthorizationCode(
          code: code, clientID: clientID, clientSecret: secret, redirectURI: redirectURI))
    case "client_credentials":
      guard let expected = app.clientSecret else { throw .badRequest("invalid client") }
      guard secret == expected else { throw .forbidden("invalid client secret") }
      return tokenResponse(try world.mintToken(clientID: clientID, userID: nil, scopes: []))
    case "refresh_token":
      guard let refreshToken = fields["refresh_token"] else { throw .badRequest("missing refresh token") }
      do {
        return tokenResponse(try world.refresh(refreshToken: refreshToken, clientID: clientID, clientSecret: secret))
      } catch {
        return Self.error(error, withPhrase: true)
      }
    default:
      throw .badRequest("unsupported grant type")
    }
  }

  /// One poll of a device code: `authorization_pending` until the user approves, then the
  /// tokens once; `slow_down` when polled faster than the interval.
  private func pollDevice(_ fields: FormFields, clientID: String) throws(SimError) -> Response {
    guard let deviceCode = fields["device_code"] else { throw .badRequest("missing device_code") }
    let now = world.now()
    if options.enforcePollInterval {
      let interval = world.pendingDeviceCodes.first { $0.deviceCode == deviceCode }?.interval ?? 5
      if lastPolls.poll(deviceCode, at: now, interval: TimeInterval(interval)) { throw .badRequest("slow_down") }
    }
    switch world.pollDevice(deviceCode: deviceCode, clientID: clientID) {
    case .pending: throw .badRequest("authorization_pending")
    case .denied: throw .badRequest("access_denied")
    case .expired, .invalid: throw .badRequest("invalid device code")
    case .approved(let token):
      lastPolls.forget(deviceCode)
      return tokenResponse(token)
    }
  }

  /// Approves at once and redirects with a code (`response_type=code`) or a token
  /// (`response_type=token`, in the fragment), plus `scope` and `state`.
  func authorize(_ fields: FormFields) throws(SimError) -> Response {
    guard let clientID = fields["client_id"] else { throw .badRequest("missing client id") }
    guard world.app(clientID: clientID) != nil else { throw .badRequest("invalid client") }
    guard let redirectURI = fields["redirect_uri"], var target = URLComponents(string: redirectURI) else {
      throw .badRequest("Parameter redirect_uri does not match registered URI")
    }
    guard let userID = authorizingUser(fields["login"]) else { throw .badRequest("no user to authorize") }
    let scopes = Self.scopes(fields)
    var items = [URLQueryItem]()
    switch fields["response_type"] ?? "code" {
    case "code":
      let code = try world.issueAuthorizationCode(
        clientID: clientID, userID: userID, scopes: scopes, redirectURI: redirectURI)
      items.append(URLQueryItem(name: "code", value: code))
    case "token":
      let token = try world.mintToken(clientID: clientID, userID: userID, scopes: scopes)
      items += [
        URLQueryItem(name: "access_token", value: token.accessToken), URLQueryItem(name: "token_type", value: "bearer"),
      ]
    default:
      throw .badRequest("unsupported response type")
    }
    items.append(URLQueryItem(name: "scope", value: scopes.joined(separator: " ")))
    if let state = fields["state"] { items.append(URLQueryItem(name: "state", value: state)) }
    if fields["response_type"] == "token" {
      var fragment = URLComponents()
      fragment.queryItems = items
      target.percentEncodedFragment = fragment.percentEncodedQuery
    } else {
      target.queryItems = (target.queryItems ?? []) + items
    }
    return Response(status: .found, headers: [.location: target.string ?? redirectURI])
  }

  private func authorizingUser(_ login: String?) -> String? {
    if let login { return world.user(login: login)?.id }
    return world.channelIDs.first ?? world.allUsers.first?.id
  }
}
