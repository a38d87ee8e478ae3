/// Chat settings and sending messages.
extension HelixClient {
  /// Changes the settings `patch` names; returns the channel's settings afterwards.
  public func updateChatSettings(
    broadcasterID: String, moderatorID: String, patch: ChatSettingsPatch
  ) async throws -> HelixChatSettings {
    let data = try await perform(
      Call(
        endpoint: .updateChatSettings, query: moderation(broadcasterID, moderatorID), body: HelixJSON.encode(patch)))
    return try HelixJSON.first(HelixChatSettings.self, from: data, endpoint: .updateChatSettings)
  }

  /// Sends a chat message as `senderID` (the token's user), optionally as a reply. Twitch may
  /// answer that it dropped the message: see `isSent` and `dropReason`.
  public func sendChatMessage(
    broadcasterID: String, senderID: String, message: String, replyParentMessageID: String? = nil
  ) async throws -> HelixSentMessage {
    struct Body: Encodable {
      var broadcasterID: String
      var senderID: String
      var message: String
      var replyParentMessageID: String?

      enum CodingKeys: String, CodingKey {
        case broadcasterID = "broadcaster_id"
        case senderID = "sender_id"
        case message
        case replyParentMessageID = "reply_parent_message_id"
      }
    }
    let body = Body(
      broadcasterID: broadcasterID, senderID: senderID, message: message, replyParentMessageID: replyParentMessageID)
    let data = try await perform(Call(endpoint: .sendChatMessage, body: HelixJSON.encode(body)))
    return try HelixJSON.first(HelixSentMessage.self, from: data, endpoint: .sendChatMessage)
  }
}
