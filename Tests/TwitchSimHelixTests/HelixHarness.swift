import Foundation
import Hummingbird
import Logging
import NIOCore
import TwitchSimCore
import TwitchSimHelix

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A world with a channel, its moderator, viewers, two apps and tokens, served by Helix and
/// OAuth on 127.0.0.1 port 0, and a URLSession client for it.
struct HelixHarness: Sendable {
  static let publicClient = "publicclientid0000000000000001"
  static let confidentialClient = "confidentialclient00000000001"
  static let secret = "s3cr3t"

  let world: SimWorld
  let port: Int
  let broadcaster: SimUser
  let moderator: SimUser
  let viewer: SimUser
  /// The broadcaster's and the moderator's tokens, with every scope the tests need.
  let broadcasterToken: SimToken
  let moderatorToken: SimToken

  var helixURL: String { "http://127.0.0.1:\(port)/helix" }
  var oauthURL: String { "http://127.0.0.1:\(port)/oauth2" }

  static let allScopes = [
    "moderator:read:chatters", "moderator:manage:banned_users", "moderator:manage:chat_messages",
    "moderator:manage:chat_settings", "moderator:read:chat_settings", "user:write:chat", "moderator:manage:warnings",
    "moderator:manage:shield_mode", "moderator:manage:blocked_terms", "moderator:manage:automod",
    "moderator:manage:announcements", "user:read:moderated_channels", "moderation:read", "channel:manage:moderators",
    "channel:manage:vips", "user:read:chat",
  ]

  /// Runs `body` against a fresh server; stops it afterwards.
  static func run(
    helix: HelixAPI.Options = .init(), oauth: OAuthAPI.Options = .quickPolls,
    _ body: @Sendable (HelixHarness) async throws -> Void
  ) async throws {
    var logger = Logger(label: "helix-tests")
    logger.logLevel = .critical
    let world = SimWorld(logger: logger)
    world.registerApp(clientID: publicClient, clientSecret: nil, name: "warden")
    world.registerApp(clientID: confidentialClient, clientSecret: secret, name: "bot")
    let broadcaster = try world.createUser(login: "streamer", displayName: "Streamer")
    let moderator = try world.createUser(login: "moddy", displayName: "Moddy")
    let viewer = try world.createUser(login: "viewer", displayName: "Viewer")
    try world.openChannel(broadcasterID: broadcaster.id)
    try world.setRole(.moderator, true, userID: moderator.id, in: broadcaster.id)

    let router = Router()
    HelixAPI(world: world, options: helix, logger: logger).addRoutes(to: router, prefix: "/helix")
    OAuthAPI(world: world, options: oauth, logger: logger).addRoutes(to: router, prefix: "/oauth2")
    // Where the authorization-code tests are redirected to: echoes the query.
    router.get("/callback") { request, _ in request.uri.query ?? "" }

    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in
        portSink.yield(channel.localAddress?.port ?? 0)
        portSink.finish()
      }, logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await app.run() }
      var iterator = ports.makeAsyncIterator()
      guard let port = await iterator.next() else { throw HarnessError("server did not start") }
      let harness = HelixHarness(
        world: world, port: port, broadcaster: broadcaster, moderator: moderator, viewer: viewer,
        broadcasterToken: try world.mintToken(clientID: publicClient, userID: broadcaster.id, scopes: allScopes),
        moderatorToken: try world.mintToken(clientID: publicClient, userID: moderator.id, scopes: allScopes))
      do {
        try await body(harness)
      } catch {
        group.cancelAll()
        throw error
      }
      group.cancelAll()
    }
  }

  // MARK: Requests

  /// A Helix call with the moderator's token unless told otherwise.
  func helix(
    _ method: String, _ path: String, token: SimToken? = nil, clientID: String? = nil, json: JSONParam? = nil,
    headers: [String: String]? = nil
  ) async throws -> Reply {
    let token = token ?? moderatorToken
    var request = URLRequest(url: URL(string: helixURL + "/" + path)!)
    request.httpMethod = method
    for (name, value) in headers ?? [
      "Authorization": "Bearer \(token.accessToken)", "Client-Id": clientID ?? token.clientID,
    ] {
      request.setValue(value, forHTTPHeaderField: name)
    }
    if let json {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = try JSONEncoder().encode(json)
    }
    return try await send(request)
  }

  /// An OAuth call with form-encoded fields.
  func oauth(_ method: String, _ path: String, form: [String: String] = [:], headers: [String: String] = [:])
    async throws -> Reply
  {
    var request = URLRequest(url: URL(string: oauthURL + "/" + path)!)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    if !form.isEmpty {
      var components = URLComponents()
      components.queryItems = form.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
      let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
      if method == "GET" {
        request.url = URL(string: oauthURL + "/" + path + "?" + encoded)
      } else {
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(encoded.utf8)
      }
    }
    return try await send(request)
  }

  private func send(_ request: URLRequest) async throws -> Reply {
    let session = URLSession(configuration: .ephemeral)
    defer { session.finishTasksAndInvalidate() }
    let (data, response) = try await session.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw HarnessError("not HTTP") }
    return Reply(
      status: http.statusCode,
      headers: http.allHeaderFields.reduce(into: [:]) { headers, field in
        headers[String(describing: field.key).lowercased()] = String(describing: field.value)
      }, data: data, url: http.url)
  }
}

/// A response: status, headers (lowercased names), the body and the final URL.
struct Reply: Sendable {
  var status: Int
  var headers: [String: String]
  var data: Data
  var url: URL?

  var json: JSONParam { (try? JSONDecoder().decode(JSONParam.self, from: data)) ?? .null }
  var text: String { String(decoding: data, as: UTF8.self) }
  /// `data[index]` of a Helix answer.
  func item(_ index: Int = 0) -> JSONParam? { json["data"]?.arrayValue?.dropFirst(index).first }
  var message: String? { json["message"]?.stringValue }
  func header(_ name: String) -> String? { headers[name.lowercased()] }
}

struct HarnessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension OAuthAPI.Options {
  /// No `slow_down`, so tests can poll back to back.
  static var quickPolls: Self {
    var options = Self()
    options.enforcePollInterval = false
    return options
  }
}
