/// The answer to `POST chat/messages`: Twitch may accept the request and still drop the
/// message (AutoMod, a blocked term, slow mode, a ban); `isSent` and `dropReason` say which.
public struct HelixSentMessage: Sendable, Hashable, Decodable {
  /// Why Twitch dropped the message.
  public struct DropReason: Sendable, Hashable, Decodable {
    /// e.g. `msg_rejected`, `msg_banned`, `msg_slowmode`.
    public var code: String
    /// Twitch's explanation.
    public var message: String
  }

  /// The message's id; `nil` when it was not sent.
  public var messageID: String?
  /// Whether the message reached chat.
  public var isSent: Bool
  /// Why it did not, when it did not.
  public var dropReason: DropReason?

  enum CodingKeys: String, CodingKey {
    case messageID = "message_id"
    case isSent = "is_sent"
    case dropReason = "drop_reason"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let id = try container.decodeIfPresent(String.self, forKey: .messageID)
    messageID = id?.isEmpty == false ? id : nil
    isSent = try container.decode(Bool.self, forKey: .isSent)
    dropReason = try container.decodeIfPresent(DropReason.self, forKey: .dropReason)
  }
}
