import Foundation
import Testing

/// The golden wire files in `Golden/`: the canonical compact bytes, byte for byte, with no
/// trailing newline. A change to the wire protocol shows up as a diff of one of these.
enum Golden: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case envelopeModBan = "envelope-mod-ban"
  case envelopeSysWelcome = "envelope-sys-welcome"
  case envelopeSysHeartbeat = "envelope-sys-heartbeat"
  case requestModBan = "request-mod-ban"
  case requestHello = "request-hello"
  case replyHello = "reply-hello"
  case replyErrorNullID = "reply-error-null-id"
  case replyErrorRetryable = "reply-error-retryable"
  case resultHello = "result-hello"
  case resultPing = "result-ping"
  case resultStatus = "result-status"
  case resultSnapshot = "result-snapshot"
  case resultEventsSince = "result-events-since"
  case argsEventsSince = "args-events-since"
  case daemonInfo = "daemon-info"
  case eventChatMessage = "event-chat-message"
  case eventChatDelete = "event-chat-delete"
  case eventChatClear = "event-chat-clear"
  case eventModBan = "event-mod-ban"
  case eventModTimeout = "event-mod-timeout"
  case eventModUnban = "event-mod-unban"
  case eventModWarn = "event-mod-warn"
  case eventModMode = "event-mod-mode"
  case eventModAutomodHeld = "event-mod-automod-held"
  case eventModAutomodResolved = "event-mod-automod-resolved"
  case eventChannelOnline = "event-channel-online"
  case eventChannelOffline = "event-channel-offline"
  case eventChannelRaid = "event-channel-raid"
  case eventChannelSub = "event-channel-sub"
  case eventChannelFollow = "event-channel-follow"
  case eventSysConnection = "event-sys-connection"
  case eventSysAuthRevoked = "event-sys-auth-revoked"

  var fileName: String { rawValue + ".json" }
  var testDescription: String { fileName }

  /// Typed payloads are written with sorted keys at every level; envelopes, requests and replies
  /// have a fixed order of their own members.
  var hasSortedKeysThroughout: Bool {
    !rawValue.hasPrefix("envelope-") && !rawValue.hasPrefix("request-") && !rawValue.hasPrefix("reply-")
  }

  static var directory: URL {
    get throws {
      try #require(Bundle.module.url(forResource: "Golden", withExtension: nil), "Golden/ is not in the bundle")
    }
  }

  /// The file's bytes, exactly as stored.
  var bytes: [UInt8] {
    get throws {
      Array(try Data(contentsOf: Golden.directory.appendingPathComponent(fileName)))
    }
  }
}

/// Compares produced bytes with a golden file and, on a mismatch, shows both as text.
func expectGolden(
  _ produced: [UInt8], _ golden: Golden, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let expected = try golden.bytes
  if produced != expected {
    Issue.record(
      """
      \(golden.fileName) differs from what the encoder produced.
      golden:   \(String(decoding: expected, as: UTF8.self))
      produced: \(String(decoding: produced, as: UTF8.self))
      """,
      sourceLocation: sourceLocation)
  }
}
