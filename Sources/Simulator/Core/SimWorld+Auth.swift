import Foundation

/// How a device code poll ended.
public enum DevicePoll: Sendable, Equatable {
  case pending
  case approved(SimToken)
  case denied
  case expired
  case invalid
}

extension SimWorld {
  // MARK: Applications

  /// Registers a client id; with a secret it is confidential, without one public.
  @discardableResult
  public func registerApp(clientID: String, clientSecret: String?, name: String = "app") -> SimApp {
    let app = SimApp(clientID: clientID, clientSecret: clientSecret, name: name)
    state.withLock { $0.apps[clientID] = app }
    return app
  }

  public func app(clientID: String) -> SimApp? { state.withLock { $0.apps[clientID] } }

  /// Seconds new tokens live: user tokens and app tokens (for tests of expiry).
  public func setTokenLifetimes(user: TimeInterval? = nil, app: TimeInterval? = nil) {
    state.withLock { state in
      if let user { state.userTokenLifetime = user }
      if let app { state.appTokenLifetime = app }
    }
  }

  // MARK: Tokens

  /// Issues a token for a user (or, with `userID == nil`, an app token) with these scopes.
  public func mintToken(
    clientID: String, userID: String?, scopes: [String], lifetime: TimeInterval? = nil
  ) throws(SimError) -> SimToken {
    let issued = now()
    return try state.withLock { state throws(SimError) in
      guard state.apps[clientID] != nil else { throw .badRequest("invalid client") }
      if let userID, state.users[userID] == nil { throw .notFound("no user with id \(userID)") }
      return state.issue(clientID: clientID, userID: userID, scopes: scopes, at: issued, lifetime: lifetime)
    }
  }

  /// Every token issued, newest first (the control API lists them for tests and the demo).
  public var allTokens: [SimToken] {
    state.withLock { Array($0.tokens.values) }.sorted { $0.issuedAt > $1.issuedAt }
  }

  /// The token for an access token string, valid or not (`nil` if unknown).
  public func token(_ accessToken: String) -> SimToken? { state.withLock { $0.tokens[accessToken] } }

  /// The token if it is known, unrevoked and unexpired.
  public func validToken(_ accessToken: String) -> SimToken? {
    let now = now()
    return state.withLock { $0.tokens[accessToken] }.flatMap { $0.isValid(at: now) ? $0 : nil }
  }

  /// Revokes an access token (and its refresh token) and tells the surfaces.
  @discardableResult
  public func revoke(accessToken: String) -> Bool {
    let revoked: SimToken? = state.withLock { state in
      guard var token = state.tokens[accessToken], !token.revoked else { return nil }
      token.revoked = true
      state.tokens[accessToken] = token
      if let refresh = token.refreshToken { state.refreshTokens[refresh] = nil }
      return token
    }
    if let revoked { hub.publish(.tokenRevoked(revoked)) }
    return revoked != nil
  }

  /// Makes an access token expire now (the refresh token stays usable).
  public func expire(accessToken: String) {
    let now = now()
    state.withLock { state in state.tokens[accessToken]?.expiresAt = now }
  }

  /// Exchanges a refresh token. Public clients get a new refresh token each time and the old
  /// one stops working; confidential clients must give their secret and keep their refresh token.
  public func refresh(refreshToken: String, clientID: String, clientSecret: String?) throws(SimError) -> SimToken {
    let issued = now()
    return try state.withLock { state throws(SimError) in
      guard let app = state.apps[clientID] else { throw .badRequest("invalid client") }
      if let secret = app.clientSecret, secret != clientSecret { throw .forbidden("invalid client secret") }
      guard let access = state.refreshTokens[refreshToken], let old = state.tokens[access], !old.revoked,
        old.clientID == clientID
      else { throw .badRequest("Invalid refresh token") }
      state.tokens[access]?.revoked = true
      state.refreshTokens[refreshToken] = nil
      var token = state.issue(clientID: clientID, userID: old.userID, scopes: old.scopes, at: issued, lifetime: nil)
      if !app.isPublic {
        // Confidential clients keep their refresh token.
        state.refreshTokens[token.refreshToken!] = nil
        token.refreshToken = refreshToken
        state.tokens[token.accessToken] = token
        state.refreshTokens[refreshToken] = token.accessToken
      }
      return token
    }
  }

  // MARK: Device code flow

  public func startDeviceFlow(clientID: String, scopes: [String], lifetime: TimeInterval = 1800) throws(SimError)
    -> SimDeviceCode
  {
    let now = now()
    return try state.withLock { state throws(SimError) in
      guard state.apps[clientID] != nil else { throw .badRequest("invalid client") }
      let code = SimDeviceCode(
        deviceCode: SimIDs.token(40), userCode: SimIDs.userCode(), clientID: clientID, scopes: scopes,
        expiresAt: now.addingTimeInterval(lifetime), interval: 5, approvedUserID: nil, denied: false,
        redeemed: false)
      state.deviceCodes[code.deviceCode] = code
      return code
    }
  }

  /// The user approved the code at the verification page (the control API's doing).
  public func approveDevice(userCode: String, userID: String, approve: Bool = true) throws(SimError) {
    try state.withLock { state throws(SimError) in
      guard state.users[userID] != nil else { throw .notFound("no user with id \(userID)") }
      guard let key = state.deviceCodes.first(where: { $0.value.userCode == userCode.uppercased() })?.key else {
        throw .notFound("no device code with user code \(userCode)")
      }
      if approve { state.deviceCodes[key]?.approvedUserID = userID } else { state.deviceCodes[key]?.denied = true }
    }
  }

  /// The pending device flows (for the control API to show).
  public var pendingDeviceCodes: [SimDeviceCode] {
    let now = now()
    return state.withLock { state in
      state.deviceCodes.values.filter { !$0.redeemed && $0.approvedUserID == nil && !$0.denied && $0.expiresAt > now }
    }
  }

  /// A client polls with its device code.
  public func pollDevice(deviceCode: String, clientID: String) -> DevicePoll {
    let now = now()
    return state.withLock { state in
      guard let code = state.deviceCodes[deviceCode], code.clientID == clientID, !code.redeemed else { return .invalid }
      if code.expiresAt <= now { return .expired }
      if code.denied { return .denied }
      guard let userID = code.approvedUserID else { return .pending }
      state.deviceCodes[deviceCode]?.redeemed = true
      return .approved(state.issue(clientID: clientID, userID: userID, scopes: code.scopes, at: now, lifetime: nil))
    }
  }

  // MARK: Authorization code flow

  public func issueAuthorizationCode(clientID: String, userID: String, scopes: [String], redirectURI: String)
    throws(SimError) -> String
  {
    let now = now()
    return try state.withLock { state throws(SimError) in
      guard state.apps[clientID] != nil else { throw .badRequest("invalid client") }
      guard state.users[userID] != nil else { throw .notFound("no user with id \(userID)") }
      let code = SimAuthorizationCode(
        code: SimIDs.token(30), clientID: clientID, userID: userID, scopes: scopes, redirectURI: redirectURI,
        expiresAt: now.addingTimeInterval(600))
      state.authorizationCodes[code.code] = code
      return code.code
    }
  }

  public func exchangeAuthorizationCode(code: String, clientID: String, clientSecret: String?, redirectURI: String)
    throws(SimError) -> SimToken
  {
    let now = now()
    return try state.withLock { state throws(SimError) in
      guard let app = state.apps[clientID] else { throw .badRequest("invalid client") }
      guard app.clientSecret == nil || app.clientSecret == clientSecret else {
        throw .forbidden("invalid client secret")
      }
      guard let grant = state.authorizationCodes.removeValue(forKey: code), grant.clientID == clientID,
        grant.expiresAt > now
      else { throw .badRequest("Invalid authorization code") }
      guard grant.redirectURI == redirectURI else {
        throw .badRequest("Parameter redirect_uri does not match registered URI")
      }
      return state.issue(clientID: clientID, userID: grant.userID, scopes: grant.scopes, at: now, lifetime: nil)
    }
  }
}

extension WorldState {
  mutating func issue(clientID: String, userID: String?, scopes: [String], at now: Date, lifetime: TimeInterval?)
    -> SimToken
  {
    let seconds = lifetime ?? (userID == nil ? appTokenLifetime : userTokenLifetime)
    let token = SimToken(
      accessToken: SimIDs.token(30), refreshToken: userID == nil ? nil : SimIDs.token(50), clientID: clientID,
      userID: userID, scopes: scopes, issuedAt: now, expiresAt: now.addingTimeInterval(seconds), revoked: false)
    tokens[token.accessToken] = token
    if let refresh = token.refreshToken { refreshTokens[refresh] = token.accessToken }
    return token
  }
}
