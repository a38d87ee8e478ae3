import Foundation
import TwitchSimCore

/// `GET`, `POST` and `DELETE moderation/blocked_terms`.
extension HelixAPI {
  var blockedTermRoutes: [HelixRoute] {
    let manage = "moderator:manage:blocked_terms"
    return [
      HelixRoute(
        .get, "moderation/blocked_terms", scopes: ["moderator:read:blocked_terms", manage], Self.getBlockedTerms),
      HelixRoute(.post, "moderation/blocked_terms", scopes: [manage], Self.addBlockedTerm),
      HelixRoute(.delete, "moderation/blocked_terms", scopes: [manage], Self.removeBlockedTerm),
    ]
  }

  static func getBlockedTerms(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, _) = try call.requireModerator()
    let first = try call.first(default: 20, max: 100)
    let terms = try call.channel(broadcasterID).blockedTerms
    let page = try HelixCursor.page(terms, first: first, after: call.query["after"])
    return .page(page.items.map { HelixJSON.blockedTerm($0, broadcasterID: broadcasterID) }, next: page.next)
  }

  /// Adds a term (2 to 500 characters); adding one that exists returns the existing term.
  static func addBlockedTerm(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, moderatorID) = try call.requireModerator()
    guard let text = try call.bodyObject().string("text") else {
      throw .badRequest("Missing required parameter \"text\"")
    }
    let term = try call.world.addBlockedTerm(channelID: broadcasterID, moderatorID: moderatorID, text: text)
    call.record("add_blocked_term", channel: broadcasterID, ["text": .string(text), "id": .string(term.id)])
    return .data([HelixJSON.blockedTerm(term, broadcasterID: broadcasterID)])
  }

  /// Removes a term by `id`; an unknown id is not an error (204 all the same).
  static func removeBlockedTerm(_ call: HelixCall) throws(SimError) -> HelixReply {
    let (broadcasterID, _) = try call.requireModerator()
    let termID = try call.require("id")
    try call.world.removeBlockedTerm(channelID: broadcasterID, termID: termID)
    call.record("remove_blocked_term", channel: broadcasterID, ["id": .string(termID)])
    return .noContent
  }
}
