/// Bans, timeouts, deletions, warnings and shield mode. Each acts as `moderatorID`, who must
/// be the token's user and a moderator (or the broadcaster) of the channel.
extension HelixClient {
  /// Bans `userID`, or times them out for `durationSeconds` (1 to 1,209,600). Returns the ban,
  /// whose `endTime` is when a timeout ends.
  public func banUser(
    broadcasterID: String, moderatorID: String, userID: String, durationSeconds: Int? = nil, reason: String? = nil
  ) async throws -> HelixBan {
    struct Body: Encodable {
      struct Ban: Encodable {
        var userID: String
        var duration: Int?
        var reason: String?

        enum CodingKeys: String, CodingKey {
          case userID = "user_id"
          case duration, reason
        }
      }
      var data: Ban
    }
    let body = Body(data: .init(userID: userID, duration: durationSeconds, reason: reason))
    let data = try await perform(
      Call(endpoint: .banUser, query: moderation(broadcasterID, moderatorID), body: HelixJSON.encode(body)))
    return try HelixJSON.first(HelixBan.self, from: data, endpoint: .banUser)
  }

  /// Lifts a ban or timeout.
  public func unbanUser(broadcasterID: String, moderatorID: String, userID: String) async throws {
    _ = try await perform(
      Call(endpoint: .unbanUser, query: moderation(broadcasterID, moderatorID) + [("user_id", userID)]))
  }

  /// Deletes one message, or with `messageID == nil` clears the whole chat.
  public func deleteChatMessages(broadcasterID: String, moderatorID: String, messageID: String?) async throws {
    var query = moderation(broadcasterID, moderatorID)
    if let messageID { query.append(("message_id", messageID)) }
    _ = try await perform(Call(endpoint: .deleteChatMessages, query: query))
  }

  /// Warns a user, who must acknowledge `reason` before chatting again.
  public func warnUser(broadcasterID: String, moderatorID: String, userID: String, reason: String) async throws {
    struct Body: Encodable {
      struct Warning: Encodable {
        var userID: String
        var reason: String

        enum CodingKeys: String, CodingKey {
          case userID = "user_id"
          case reason
        }
      }
      var data: Warning
    }
    let body = Body(data: .init(userID: userID, reason: reason))
    _ = try await perform(
      Call(endpoint: .warnUser, query: moderation(broadcasterID, moderatorID), body: HelixJSON.encode(body)))
  }

  /// Turns shield mode on or off.
  public func updateShieldMode(
    broadcasterID: String, moderatorID: String, active: Bool
  ) async throws -> HelixShieldModeStatus {
    struct Body: Encodable {
      var isActive: Bool

      enum CodingKeys: String, CodingKey {
        case isActive = "is_active"
      }
    }
    let data = try await perform(
      Call(
        endpoint: .updateShieldMode, query: moderation(broadcasterID, moderatorID),
        body: HelixJSON.encode(Body(isActive: active))))
    return try HelixJSON.first(HelixShieldModeStatus.self, from: data, endpoint: .updateShieldMode)
  }

  /// `broadcaster_id` and `moderator_id`.
  func moderation(_ broadcasterID: String, _ moderatorID: String) -> [(name: String, value: String)] {
    [("broadcaster_id", broadcasterID), ("moderator_id", moderatorID)]
  }
}
