import Hummingbird
import TwitchSimCore

/// One Helix endpoint: method, path under the prefix, the scopes of which the token needs any
/// one (none: any valid token), and the handler.
struct HelixRoute: Sendable {
  var method: HTTPRequest.Method
  var path: String
  var scopes: [String]
  var handler: @Sendable (HelixCall) throws(SimError) -> HelixReply

  init(
    _ method: HTTPRequest.Method, _ path: String, scopes: [String] = [],
    _ handler: @escaping @Sendable (HelixCall) throws(SimError) -> HelixReply
  ) {
    self.method = method
    self.path = path
    self.scopes = scopes
    self.handler = handler
  }
}

/// What a handler answers: a status and a JSON body, or nothing (204).
struct HelixReply: Sendable {
  var status: HTTPResponse.Status
  var body: JSONParam?

  /// `{"data":[…]}` plus any other top-level fields (`pagination`, `total`…).
  static func data(_ items: [JSONParam], _ extra: [String: JSONParam] = [:], status: HTTPResponse.Status = .ok)
    -> HelixReply
  {
    var object = extra
    object["data"] = .array(items)
    return HelixReply(status: status, body: .object(object))
  }

  /// `{"data":[…],"pagination":{"cursor":…}}`; an empty `pagination` object on the last page.
  static func page(_ items: [JSONParam], next: String?, _ extra: [String: JSONParam] = [:]) -> HelixReply {
    var extra = extra
    extra["pagination"] = next.map { ["cursor": .string($0)] } ?? [:]
    return data(items, extra)
  }

  static let noContent = HelixReply(status: .noContent, body: nil)
}
