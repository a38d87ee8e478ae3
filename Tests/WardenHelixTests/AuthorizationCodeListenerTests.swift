import Foundation
import Testing

@testable import WardenHelix

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The loopback redirect listener, driven by URLSession as the browser.
@Suite struct AuthorizationCodeListenerTests {
  @Test(arguments: [
    ("GET /callback?code=abc&state=s1&scope=a HTTP/1.1\r\nHost: x\r\n\r\n", AuthorizationCallback.code("abc")),
    (
      "GET /callback?error=access_denied&error_description=The+user+denied+you+access&state=s1 HTTP/1.1\r\n\r\n",
      .denied("The user denied you access")
    ),
    ("GET /callback?code=abc&state=other HTTP/1.1\r\n\r\n", .ignore(status: 400, reason: "")),
    ("GET /callback?code=abc HTTP/1.1\r\n\r\n", .ignore(status: 400, reason: "")),
    ("GET /favicon.ico HTTP/1.1\r\n\r\n", .ignore(status: 404, reason: "")),
    ("POST /callback?code=abc&state=s1 HTTP/1.1\r\n\r\n", .ignore(status: 405, reason: "")),
    ("GET /callback?state=s1 HTTP/1.1\r\n\r\n", .ignore(status: 400, reason: "")),
    ("garbage\r\n\r\n", .ignore(status: 400, reason: "")),
  ])
  func requestsAreReadAsTheFlowNeeds(head: String, expected: AuthorizationCallback) {
    let parsed = AuthorizationCallback.parse(head: head, path: "/callback", state: "s1")
    switch (parsed, expected) {
    case (.ignore(let status, _), .ignore(let wanted, _)): #expect(status == wanted)
    default: #expect(parsed == expected)
    }
  }

  private func get(_ url: String) async throws -> (Int, String) {
    let session = URLSession(configuration: .ephemeral)
    defer { session.finishTasksAndInvalidate() }
    let (data, response) = try await session.data(from: URL(string: url)!)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  @Test func theCodeComesBackAfterStrayRequestsAreAnswered() async throws {
    let listener = try AuthorizationCodeListener(logger: .quiet)
    #expect(listener.port > 0)
    #expect(listener.redirectURI == "http://localhost:\(listener.port)/callback")
    let waiting = Task { try await listener.waitForCode(state: "xyz") }
    let base = "http://127.0.0.1:\(listener.port)"
    let (missing, _) = try await get(base + "/favicon.ico")
    #expect(missing == 404)
    let (forged, forgedPage) = try await get(base + "/callback?code=evil&state=wrong")
    #expect(forged == 400)
    #expect(forgedPage.contains("does not belong"))
    let (status, page) = try await get(base + "/callback?code=the-code&scope=chat%3Aread&state=xyz")
    #expect(status == 200)
    #expect(page.contains("You can close this tab"))
    #expect(try await waiting.value == "the-code")
  }

  @Test func aDeclinedAuthorizationIsAccessDenied() async throws {
    let listener = try AuthorizationCodeListener(port: 0, path: "/auth", logger: .quiet)
    let waiting = Task { try await listener.waitForCode(state: "s") }
    let (status, page) = try await get(
      "http://127.0.0.1:\(listener.port)/auth?error=access_denied&error_description=The+user+denied+you+access&state=s")
    #expect(status == 200)
    #expect(page.contains("The user denied you access"))
    let error = try await #require(throws: OAuthError.self) { try await waiting.value }
    #expect(error.kind == .accessDenied)
  }

  @Test func cancellingStopsTheWait() async throws {
    let listener = try AuthorizationCodeListener(logger: .quiet)
    let waiting = Task { try await listener.waitForCode(state: "s") }
    try await Task.sleep(for: .milliseconds(50))
    waiting.cancel()
    await #expect(throws: CancellationError.self) { try await waiting.value }
    await #expect(throws: OAuthError.self, "one wait per listener") { try await listener.waitForCode(state: "s") }
  }

  @Test func aTakenPortIsAClearError() throws {
    let first = try AuthorizationCodeListener(logger: .quiet)
    let error = try #require(throws: OAuthError.self) {
      try AuthorizationCodeListener(port: first.port, logger: .quiet)
    }
    #expect(error.kind == .listener)
    #expect(error.description.contains("\(first.port)"))
    #expect(error.description.contains("errno"))
  }
}
