extension IRCConnectionStateMachine.Action: CustomStringConvertible {
  /// The action with the OAuth token masked, so that logging an action never leaks it.
  public var description: String {
    switch self {
    case .open(let id, let url): "open(\(id), \(url))"
    case .send(let id, let lines): "send(\(id), \(lines.map(Self.redact)))"
    case .close(let id): "close(\(id))"
    case .scheduleReconnect(let after): "scheduleReconnect(after: \(after))"
    case .join(let id, let channels): "join(\(id), \(channels))"
    case .emitConnectionEvent(let phase): "emitConnectionEvent(\(phase.rawValue))"
    case .reportAuthenticationFailure(let message): "reportAuthenticationFailure(\(message))"
    }
  }

  static func redact(_ line: String) -> String {
    line.hasPrefix("PASS ") ? "PASS <redacted>" : line
  }
}

extension IRCConnectionStateMachine.Configuration: CustomStringConvertible {
  /// The configuration with the OAuth token masked.
  public var description: String {
    "IRC(url: \(url), nick: \(nick), token: <redacted>, capabilities: \(capabilities))"
  }
}
