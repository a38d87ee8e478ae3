import WardenProtocol

/// The readable state of Twitch authorization, for `warden auth`, `warden status` and
/// `warden login`.
public enum AuthFormatter {
  /// The headline, then the scopes, a login in progress, or how to log in.
  public static func lines(_ auth: AuthStatusResult, nowMS: Int64, style: Style) -> [String] {
    var lines = [headline(auth, nowMS: nowMS, style: style)]
    if auth.state == .authenticated && !auth.scopes.isEmpty {
      lines.append("  scopes        " + auth.scopes.joined(separator: ", "))
    }
    if let pending = auth.pending {
      let code = pending.userCode.map { " and enter " + style.paint($0, .bold) } ?? ""
      lines.append(
        "  login pending: open \(pending.verificationURI)\(code) (expires in \(remaining(pending.expiresAt, nowMS)))")
    } else if auth.state != .authenticated {
      lines.append("  run `warden login` to authorize a moderator account")
    }
    return lines
  }

  /// "Twitch: logged in as WardenBot (warden_bot), token expires in 3h12m", or
  /// "Twitch: anonymous — moderation unavailable: <why>".
  public static func headline(_ auth: AuthStatusResult, nowMS: Int64, style: Style) -> String {
    guard auth.state == .authenticated else {
      let why = auth.message.map { ": " + $0 } ?? ""
      return "Twitch: " + style.paint(stateName(auth.state), .yellow) + " — moderation unavailable" + why
    }
    let account = auth.user.map { " as " + name(of: $0) } ?? ""
    let expiry = auth.expiresAt.map { $0 > nowMS ? ", token expires in " + remaining($0, nowMS) : ", token expired" }
    return "Twitch: " + style.paint("logged in", .green) + account + (expiry ?? "")
  }

  /// "Logged in as WardenBot (warden_bot) with scopes a, b", the end of a successful `warden login`.
  public static func loggedIn(_ auth: AuthStatusResult) -> String {
    let account = auth.user.map { " as " + name(of: $0) } ?? ""
    let scopes = auth.scopes.isEmpty ? " with no scopes" : " with scopes " + auth.scopes.joined(separator: ", ")
    return "Logged in" + account + scopes
  }

  /// What to open, and the code to enter there, printed by `warden login`.
  public static func offer(_ offer: AuthLoginResult, nowMS: Int64, style: Style) -> [String] {
    let expiry =
      "The offer expires in \(remaining(offer.expiresAt, nowMS)). Waiting for the login; Ctrl-C stops waiting."
    guard let code = offer.userCode else {
      return [
        "Open this page in a browser on this machine and authorize Warden:", "",
        "    " + style.paint(offer.verificationURI, .bold), "", expiry,
      ]
    }
    return [
      "Open this page in any browser:", "", "    " + style.paint(offer.verificationURI, .bold), "",
      "and enter the code:", "", "    " + style.paint(code, .bold), "", expiry,
    ]
  }

  /// "WardenBot (warden_bot)", or the login alone when the display name adds nothing.
  public static func name(of user: TwitchUser) -> String {
    guard let display = user.displayName, !display.isEmpty, display != user.login else { return user.login }
    return "\(display) (\(user.login))"
  }

  static func stateName(_ state: AuthState) -> String {
    switch state {
    case .authenticated: "logged in"
    case .anonymous: "anonymous"
    case .invalid: "token invalid"
    case .expired: "token expired"
    case .revoked: "authorization revoked"
    }
  }

  /// The time left until `endMS`, in its two largest units.
  static func remaining(_ endMS: Int64, _ nowMS: Int64) -> String {
    DurationText.approximate(seconds: Int(max(0, endMS - nowMS) / 1000))
  }
}
