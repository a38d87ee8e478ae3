import WardenProtocol

/// The values the golden files hold, written out by hand (not produced by the encoders under test).
enum Fixtures {
  static let epoch = "31018e0fe7bf5e45"
  static let ts: Int64 = 1_795_311_310_462
  static let welcomeTS: Int64 = 1_795_311_309_589
  static let seqs: SequenceNumbers = [.chat: 1200, .mod: 42, .channel: 3, .analysis: 0, .sys: 0]
  static let seqsJSON: JSONValue = ["analysis": 0, "channel": 3, "chat": 1200, "mod": 42, "sys": 0]

  // MARK: Events

  static let banData: JSONValue = [
    "user": "spam_bot_9",
    "user_id": "778899",
    "moderator": "warden",
    "reason": "link spam: \"free followers\" → 🚫",
    "duration_s": nil,
    "rule": ["id": 3, "score": .double(0.875)],
  ]

  static let banEnvelope = Envelope(
    type: EventType("mod.ban")!, id: "31018e0fe7bf5e45-mod-42", seq: 42, epoch: epoch, ts: ts,
    channel: "streamer_tv", cause: "req-7", data: banData)

  static let timeoutEnvelope = Envelope(
    type: EventType("mod.timeout")!, id: "31018e0fe7bf5e45-mod-41", seq: 41, epoch: epoch, ts: 1_795_311_309_999,
    channel: "streamer_tv", data: ["user": "loud_user", "duration_s": 60])

  static let welcomeData = WelcomeData(subscription: "mod.", seqs: seqs, heartbeatMS: 1000, serverVersion: "0.1.0")
  static let welcomeDataJSON: JSONValue = [
    "heartbeat_ms": 1000, "seqs": seqsJSON, "server_version": "0.1.0", "subscription": "mod.",
  ]
  static let welcomeEnvelope = Envelope(
    type: .welcome, id: "31018e0fe7bf5e45-welcome-3", seq: 0, epoch: epoch, ts: welcomeTS, data: welcomeDataJSON)

  static let heartbeatData = HeartbeatData(seqs: seqs, heartbeatMS: 1000, uptimeMS: 1008, subscribers: 4)
  static let heartbeatDataJSON: JSONValue = [
    "heartbeat_ms": 1000, "seqs": seqsJSON, "subscribers": 4, "uptime_ms": 1008,
  ]
  static let heartbeatEnvelope = Envelope(
    type: .heartbeat, id: "31018e0fe7bf5e45-heartbeat-20", seq: 0, epoch: epoch, ts: ts, data: heartbeatDataJSON)

  // MARK: Commands

  static let banRequest = CommandRequest(
    id: "req-7", cmd: "mod.ban",
    args: ["channel": "streamer_tv", "user": "spam_bot_9", "reason": "link spam", "duration_s": 600, "dry_run": false])

  static let helloRequest = CommandRequest(id: "req-1", cmd: CommandName.hello)

  static let hello = HelloResult(
    protocolVersion: 1, server: "wardend", serverVersion: "0.1.0", epoch: epoch,
    features: ["events.since.ring", "snapshot"], commands: ["events.since", "hello", "ping", "snapshot", "status"],
    maxRequestBytes: 1_048_576)
  static let helloJSON: JSONValue = [
    "commands": ["events.since", "hello", "ping", "snapshot", "status"],
    "epoch": "31018e0fe7bf5e45",
    "features": ["events.since.ring", "snapshot"],
    "max_request_bytes": 1_048_576,
    "protocol": 1,
    "server": "wardend",
    "server_version": "0.1.0",
  ]
  static let helloReply = CommandReply.success(id: "req-1", helloJSON)

  static let errorReplyNullID = CommandReply.failure(
    id: nil, ProtocolError(.invalidJSON, "request is not valid JSON: The given data was not valid JSON."))
  static let errorReplyRetryable = CommandReply.failure(
    id: "req-9", ProtocolError(.unavailable, "wardend is shutting down", retryable: true))

  static let ping = PingResult(ts: 1_795_311_375_144)

  static let endpoints = DaemonEndpoints(
    events: "ipc:///run/user/1000/warden/events.v1", commands: "ipc:///run/user/1000/warden/cmd.v1")

  static let status = StatusResult(
    serverVersion: "0.1.0", protocolVersion: 1, zmqVersion: "4.3.4", pid: 13220, epoch: epoch,
    startedAt: 1_795_311_309_454, uptimeMS: 65871, subscribers: 4, seqs: seqs,
    counters: [
      "commands_failed": 1, "commands_served": 12, "events_published": 1245, "malformed_requests": 1,
      "replies_dropped": 0,
    ],
    endpoints: endpoints,
    runtimeDir: "/run/user/1000/warden", dataDir: "/home/streamer/.local/share/warden")

  static let snapshot = SnapshotResult(
    epoch: epoch, seqs: seqs,
    state: ["channels": ["streamer_tv"], "held": [], "mode": ["slow_s": 30, "emote_only": false]])

  static let eventsSinceArgs = EventsSinceArgs(stream: .mod, after: 40, epoch: epoch, limit: 100)

  static let eventsSince = EventsSinceResult(
    stream: .mod, epoch: epoch, events: [timeoutEnvelope, banEnvelope], complete: true, last: 42)

  static let daemonInfo = DaemonInfo(
    protocolVersion: 1, serverVersion: "0.1.0", pid: 13220, epoch: epoch, startedAt: 1_795_311_309_454,
    endpoints: endpoints)
}
