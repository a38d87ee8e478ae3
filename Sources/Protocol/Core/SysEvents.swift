/// `data` of `sys.welcome`, sent on every new subscription with the subscription as topic.
public struct WelcomeData: Sendable, Hashable, Codable {
  /// The subscription prefix this welcome answers.
  public var subscription: String
  /// The last sequence number of every stream when the subscription took effect: the next
  /// event of a stream carries its number + 1.
  public var seqs: SequenceNumbers
  /// The heartbeat interval in milliseconds.
  public var heartbeatMS: Int
  public var serverVersion: String

  public init(subscription: String, seqs: SequenceNumbers, heartbeatMS: Int, serverVersion: String) {
    self.subscription = subscription
    self.seqs = seqs
    self.heartbeatMS = heartbeatMS
    self.serverVersion = serverVersion
  }

  enum CodingKeys: String, CodingKey {
    case subscription, seqs
    case heartbeatMS = "heartbeat_ms"
    case serverVersion = "server_version"
  }
}

/// `data` of `sys.heartbeat`, published on `sys.heartbeat._` once per interval.
public struct HeartbeatData: Sendable, Hashable, Codable {
  /// The last sequence number of every stream: a subscriber that has seen less has lost events.
  public var seqs: SequenceNumbers
  public var heartbeatMS: Int
  public var uptimeMS: Int64
  /// Active subscriptions on the event socket.
  public var subscribers: Int

  public init(seqs: SequenceNumbers, heartbeatMS: Int, uptimeMS: Int64, subscribers: Int) {
    self.seqs = seqs
    self.heartbeatMS = heartbeatMS
    self.uptimeMS = uptimeMS
    self.subscribers = subscribers
  }

  enum CodingKeys: String, CodingKey {
    case seqs, subscribers
    case heartbeatMS = "heartbeat_ms"
    case uptimeMS = "uptime_ms"
  }
}
