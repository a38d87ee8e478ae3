import Foundation
import Testing
import WardenProtocol

@testable import WardenHelix

/// The pure pieces: error kinds and words, event types, encodings, timestamps.
@Suite struct ValueTests {
  @Test(arguments: [
    (400, "The user specified in the user_id field is already banned.", HelixError.Kind.badRequest),
    (401, "Invalid OAuth token", .unauthorized),
    (401, "Missing scope: moderator:manage:banned_users", .forbidden),
    (401, "The ID in moderator_id must match the user ID found in the request's OAuth token.", .forbidden),
    (403, "The user in moderator_id is not one of the broadcaster's moderators.", .forbidden),
    (404, "The message specified in the message_id field was not found.", .notFound),
    (409, "A subscription already exists", .conflict),
    (422, "The message is too large.", .badRequest),
    (429, "Too Many Requests", .rateLimited),
    (503, "", .server),
  ])
  func statusesMapToKinds(status: Int, message: String, kind: HelixError.Kind) {
    #expect(HelixError.Kind.forStatus(status, message: message) == kind)
  }

  @Test(arguments: [
    (
      HelixError(.badRequest, endpoint: .banUser, status: 400, message: "The user is already banned."),
      "Twitch refused the ban (400): The user is already banned."
    ),
    (HelixError(.server, endpoint: .warnUser, status: 503, message: ""), "Twitch failed the warning (503)"),
    (
      HelixError(.rateLimited, endpoint: .sendChatMessage, status: 429, message: "Too Many Requests"),
      "Twitch rate-limited the chat message (429): Too Many Requests"
    ),
    (
      HelixError(.network, endpoint: .users, message: "the connection was refused"),
      "Could not reach Twitch for the user lookup: the connection was refused"
    ),
    (
      HelixError(.noToken, endpoint: .deleteChatMessages),
      "Not signed in to Twitch: the deletion needs a user token; sign in with `warden login`"
    ),
  ])
  func errorsReadAsAModeratorWouldSayThem(error: HelixError, text: String) {
    #expect(error.description == text)
    #expect(String(reflecting: error).hasSuffix("[\(error.endpoint)]"))
  }

  @Test func onlyTransientFailuresAreRetryable() {
    let retryable: [HelixError.Kind] = [.rateLimited, .server, .network]
    let final: [HelixError.Kind] = [.badRequest, .unauthorized, .forbidden, .notFound, .conflict, .noToken, .decoding]
    #expect(retryable.allSatisfy { HelixError($0, endpoint: .users).isRetryable })
    #expect(final.allSatisfy { !HelixError($0, endpoint: .users).isRetryable })
  }

  @Test(arguments: [
    (AuthChange.refreshed(AuthData()), EventType.sysAuthRefreshed as EventType?),
    (.expired(AuthData()), .sysAuthExpired),
    (.revoked(AuthData()), .sysAuthRevoked),
    (.invalid(AuthData()), .sysAuthInvalid),
    (.loggedIn(AuthData()), nil),
    (.loggedOut, nil),
  ])
  func changesMapToEvents(change: AuthChange, type: EventType?) {
    #expect(change.eventType == type)
  }

  @Test(arguments: [
    ("chat:read user:write:chat", "chat%3Aread%20user%3Awrite%3Achat"),
    ("a+b=c&d", "a%2Bb%3Dc%26d"),
    ("http://localhost:3000/callback", "http%3A%2F%2Flocalhost%3A3000%2Fcallback"),
    ("Az09-._~", "Az09-._~"),
    ("é", "%C3%A9"),
  ])
  func formFieldsArePercentEncoded(text: String, encoded: String) {
    #expect(FormEncoding.escape(text) == encoded)
  }

  @Test(arguments: [
    ("2024-05-01T12:00:00Z", 1_714_564_800.0 as Double?),
    ("2024-05-01T12:00:00.250Z", 1_714_564_800.25),
    ("2024-05-01T12:00:00.123456789Z", 1_714_564_800.123),
    ("", nil),
    ("yesterday", nil),
  ])
  func helixTimestampsAreRead(text: String, seconds: Double?) {
    let date = HelixJSON.date(text)
    #expect(date.map { ($0.timeIntervalSince1970 * 1000).rounded() / 1000 } == seconds)
  }

  @Test func tokensKnowWhenTheyExpire() {
    let now = Date(timeIntervalSince1970: 1_000)
    let token = OAuthToken(accessToken: "a", expiresAt: 1_200_000)
    #expect(!token.isExpired(at: now))
    #expect(token.isExpired(at: now, margin: .seconds(300)))
    #expect(token.isExpired(at: Date(timeIntervalSince1970: 1_200)))
    #expect(!OAuthToken(accessToken: "a").isExpired(at: .distantFuture), "unknown expiry: never")
  }

  @Test func anEmptySecretIsNoSecret() {
    #expect(!TwitchCredentials(clientID: "a", clientSecret: "").isConfidential)
    #expect(TwitchCredentials(clientID: "a", clientSecret: "s").isConfidential)
  }
}
