import Testing
import WardenTransport

@Suite struct EventSubNotificationTests {
  static func notification(_ json: String) -> EventSubNotification {
    EventSubNotification(
      messageID: "m", messageTimestamp: "t", subscriptionType: "channel.chat.message", subscriptionVersion: "1",
      bytes: Array(json.utf8))
  }

  @Test(arguments: [
    (
      #"{"metadata":{"message_id":"a"},"payload":{"subscription":{"id":"s","condition":{"x":"}"}},"event":{"a":[1,{"b":"\"}"}],"c":null}}}"#,
      #"{"a":[1,{"b":"\"}"}],"c":null}"#
    ),
    (#"{ "payload" : { "event" : { } } }"#, "{ }"),
    (#"{"payload":{"events":{"x":1},"event":{"y":"é"}}}"#, #"{"y":"é"}"#),
    (#"{"payload":{"event":"text"}}"#, #""text""#),
  ])
  func eventBytesAreThePayloadsEvent(_ json: String, _ event: String) {
    let bytes = Self.notification(json).eventBytes
    #expect(bytes.map { String(decoding: $0, as: UTF8.self) } == event)
  }

  @Test(arguments: [
    #"{"payload":{"subscription":{}}}"#,
    #"{"event":{}}"#,
    #"{"payload":{"event":{"unterminated":"#,
    "not json",
    "",
  ])
  func eventBytesAreNilWithoutAnEvent(_ json: String) {
    #expect(Self.notification(json).eventBytes == nil)
  }
}
