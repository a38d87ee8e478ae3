import WardenProtocol

/// Readable one-line summaries of the Twitch gateway's events for `warden tail`.
extension EventFormatter {
  /// The summary of a gateway event, or nil for other types (shown as JSON).
  func gatewaySummary(of envelope: Envelope) -> String? {
    switch envelope.type {
    case .chatMessage:
      return decode(envelope, ChatMessageData.self).map { data in
        let name = style.paint(name(data.user), .bold)
        let text = data.isAction ? "* \(data.text)" : data.text
        let bits = data.bits.map { " [\($0) bits]" } ?? ""
        let first = data.isFirstMessage ? style.paint(" (first message)", .yellow) : ""
        return "\(name): \(text)\(bits)\(first)  " + style.paint("id \(data.messageID)", .gray)
      }
    case .chatDelete:
      return decode(envelope, ChatDeleteData.self).map { data in
        "message of \(name(data.user)) deleted\(by(data.moderator)): \(data.text ?? data.messageID)\(via(data.source))"
      }
    case .chatClear:
      return decode(envelope, ChatClearData.self).map { "chat cleared\(by($0.moderator))\(via($0.source))" }
    case .modBan:
      return decode(envelope, ModBanData.self).map { data in
        "\(name(data.user)) banned\(by(data.moderator))\(reason(data.reason))\(via(data.source))"
      }
    case .modTimeout:
      return decode(envelope, ModTimeoutData.self).map { data in
        "\(name(data.user)) timed out for \(data.durationS) s\(by(data.moderator))\(reason(data.reason))\(via(data.source))"
      }
    case .modUnban:
      return decode(envelope, ModUnbanData.self).map { data in
        "\(name(data.user)) \(data.wasTimeout ? "untimed out" : "unbanned")\(by(data.moderator))"
      }
    case .modWarn:
      return decode(envelope, ModWarnData.self).map { "\(name($0.user)) warned\(by($0.moderator))\(reason($0.reason))" }
    case .modMode:
      return decode(envelope, ModModeData.self).map { data in
        let detail = data.durationS.map { " (\($0) s)" } ?? ""
        return "\(data.mode.rawValue) \(data.enabled ? "on" : "off")\(detail)\(by(data.moderator))\(via(data.source))"
      }
    case .modAutoModHeld:
      return decode(envelope, AutoModHeldData.self).map { data in
        "AutoMod held \(name(data.user)): \(data.text) (\(data.reason)\(data.category.map { ", \($0)" } ?? ""))"
      }
    case .modAutoModResolved:
      return decode(envelope, AutoModResolvedData.self).map { data in
        "held message of \(name(data.user)) \(data.status.rawValue)\(by(data.moderator))"
      }
    case .channelRaid:
      return decode(envelope, ChannelRaidData.self).map { "raid from \(name($0.from)) with \($0.viewers) viewers" }
    case .channelSub:
      return decode(envelope, ChannelSubData.self).map { data in
        let months = data.months.map { ", \($0) months" } ?? ""
        let recipient = data.recipient.map { " to \(name($0))" } ?? ""
        return "\(data.kind.rawValue) by \(name(data.user))\(recipient) (tier \(data.tier)\(months))"
      }
    case .channelFollow:
      return decode(envelope, ChannelFollowData.self).map { "\(name($0.user)) followed" }
    case .channelOnline:
      return "live"
    case .channelOffline:
      return "offline"
    case .sysConnection:
      return decode(envelope, ConnectionData.self).map { data in
        var line = "\(data.transport.rawValue) \(data.connection) \(data.state.rawValue)"
        if let reason = data.reason { line += ": \(reason)" }
        if let retry = data.retryInMS { line += ", retry in \(retry) ms" }
        if let missed = data.possiblyMissed { line += ", about \(missed) messages may have been missed" }
        return line
      }
    case .sysAuthRefreshed, .sysAuthExpired, .sysAuthRevoked, .sysAuthInvalid:
      return decode(envelope, AuthData.self).map { data in
        [data.user.map { "account \($0.login)" }, data.message].compactMap { $0 }.joined(separator: ": ")
      }
    default:
      return nil
    }
  }

  private func decode<T: Decodable>(_ envelope: Envelope, _: T.Type) -> T? {
    try? envelope.decodeData(T.self)
  }

  private func name(_ user: TwitchUser) -> String {
    guard let display = user.displayName, display.lowercased() != user.login else {
      return user.displayName ?? user.login
    }
    return "\(display) (\(user.login))"
  }

  private func by(_ moderator: TwitchUser?) -> String { moderator.map { " by \(name($0))" } ?? "" }

  private func reason(_ text: String?) -> String { text.map { " (reason: \($0))" } ?? "" }

  private func via(_ source: EventSource) -> String { style.paint(" [\(source.rawValue)]", .gray) }
}
