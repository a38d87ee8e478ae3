/// One EventSub `notification` message: its metadata, and the message's bytes for the gateway
/// to decode (`payload.event` with `JSONDecoder`, or `eventBytes`).
public struct EventSubNotification: Sendable, Hashable {
  public var messageID: String
  /// `metadata.message_timestamp`, as sent (RFC 3339 with nanoseconds).
  public var messageTimestamp: String
  public var subscriptionType: String
  public var subscriptionVersion: String
  /// The whole message as received: UTF-8 JSON `{"metadata": …, "payload": {"subscription": …, "event": …}}`.
  public var bytes: [UInt8]

  public init(
    messageID: String, messageTimestamp: String, subscriptionType: String, subscriptionVersion: String,
    bytes: [UInt8]
  ) {
    self.messageID = messageID
    self.messageTimestamp = messageTimestamp
    self.subscriptionType = subscriptionType
    self.subscriptionVersion = subscriptionVersion
    self.bytes = bytes
  }

  /// The bytes of the `payload.event` object, found by one scan over `bytes` without decoding
  /// anything (`nil` when the message has no such object). Decode them as the event type:
  /// `try JSONDecoder().decode(ChatMessageEvent.self, from: Data(notification.eventBytes!))`.
  public var eventBytes: ArraySlice<UInt8>? {
    JSONValueLocator.range(of: ["payload", "event"], in: bytes).map { bytes[$0] }
  }
}
