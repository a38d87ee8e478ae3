import Foundation

/// What one request to the redirect listener means: the code, a refusal, or something to
/// answer and ignore (a favicon, a request with another login's `state`).
enum AuthorizationCallback: Sendable, Equatable {
  case code(String)
  /// Twitch redirected with `error=` (the user clicked Cancel): its description.
  case denied(String)
  case ignore(status: Int, reason: String)

  /// Reads the request line of `head` (`GET /callback?code=…&state=… HTTP/1.1`).
  static func parse(head: String, path: String, state expected: String) -> AuthorizationCallback {
    let line = head.split(separator: "\r\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    let parts = line.split(separator: " ")
    guard parts.count == 3, parts[2].hasPrefix("HTTP/") else { return .ignore(status: 400, reason: "Bad request") }
    guard parts[0] == "GET" else { return .ignore(status: 405, reason: "Method not allowed") }
    guard let components = URLComponents(string: String(parts[1])), components.path == path else {
      return .ignore(status: 404, reason: "Not found")
    }
    var fields: [String: String] = [:]
    for item in components.queryItems ?? [] where fields[item.name] == nil {
      fields[item.name] = (item.value ?? "").replacingOccurrences(of: "+", with: " ")
    }
    guard fields["state"] == expected else {
      return .ignore(status: 400, reason: "This sign-in link does not belong to the login Warden is waiting for")
    }
    if let error = fields["error"] {
      return .denied(fields["error_description"].flatMap { $0.isEmpty ? nil : $0 } ?? error)
    }
    guard let code = fields["code"], !code.isEmpty else { return .ignore(status: 400, reason: "No code") }
    return .code(code)
  }

  /// The HTTP answer: status line, headers and a short page.
  var response: Data {
    let (status, title, text): (Int, String, String)
    switch self {
    case .code:
      (status, title, text) = (200, "Warden is signed in", "Warden is signed in to Twitch. You can close this tab.")
    case .denied(let reason):
      (status, title, text) = (200, "Sign-in cancelled", "Twitch did not authorize Warden: \(reason)")
    case .ignore(let code, let reason):
      (status, title, text) = (code, "Warden", reason)
    }
    let body = Data(
      """
      <!doctype html><html><head><meta charset="utf-8"><title>\(Self.escape(title))</title></head>\
      <body><p>\(Self.escape(text))</p></body></html>\n
      """.utf8)
    let head =
      "HTTP/1.1 \(status) \(Self.phrase(status))\r\nContent-Type: text/html; charset=utf-8\r\n"
      + "Content-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
    return Data(head.utf8) + body
  }

  private static func phrase(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    default: "Bad Request"
    }
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
