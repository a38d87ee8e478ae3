extension IRCSession {
  /// `CAP LS`, `CAP REQ :a b -c` (all or nothing, as IRCv3 says), `CAP LIST`, `CAP END`.
  mutating func capability(_ params: [String]) -> [IRCSessionAction] {
    switch params.first?.uppercased() {
    case "LS":
      return send([IRCRender.capabilityReply("LS", IRCCapabilities.advertised)])
    case "LIST":
      let names = [
        (IRCCapabilities.tags, "twitch.tv/tags"), (.commands, "twitch.tv/commands"),
        (.membership, "twitch.tv/membership"),
      ]
      let list = names.filter { capabilities.contains($0.0) }.map(\.1).joined(separator: " ")
      return send([IRCRender.capabilityReply("LIST", list)])
    case "REQ":
      let requested = params.dropFirst().joined(separator: " ")
      var granted = capabilities
      var known = true
      for name in requested.split(separator: " ") {
        let removing = name.hasPrefix("-")
        guard let capability = IRCCapabilities(name: removing ? name.dropFirst() : name) else {
          known = false
          break
        }
        if removing { granted.remove(capability) } else { granted.insert(capability) }
      }
      guard known, !requested.isEmpty else { return send([IRCRender.capabilityReply("NAK", requested)]) }
      let changed = granted != capabilities
      capabilities = granted
      var actions = send([IRCRender.capabilityReply("ACK", requested)])
      if changed && phase == .registered { actions.append(.capabilitiesChanged(granted)) }
      return actions
    default:
      return []
    }
  }

  /// NICK: `justinfan<digits>` logs in anonymously whatever the PASS; anyone else needs a
  /// preceding `PASS oauth:<token>` (otherwise "Improperly formatted auth") that the driver
  /// then checks.
  mutating func register(nick rawNick: String, at now: ContinuousClock.Instant) -> [IRCSessionAction] {
    let nick = rawNick.lowercased()
    if Self.isAnonymous(nick) {
      phase = .registered
      identity = .anonymous(nick: nick)
      lastPing = now
      return send(IRCRender.welcome(nick: nick)) + [.registered]
    }
    guard !nick.isEmpty, let password, password.hasPrefix("oauth:"), password.utf8.count > 6 else {
      phase = .closed
      return send([IRCRender.improperlyFormattedAuth]) + [.close(.graceful)]
    }
    phase = .authenticating
    pendingNick = nick
    return [.authenticate(nick: nick, accessToken: String(password.dropFirst(6)))]
  }

  /// JOIN #a,#b: each channel counts against 20 join attempts per 10 seconds; past that Twitch
  /// closes the connection at once, so the session does too.
  mutating func join(_ list: String, at now: ContinuousClock.Instant) -> [IRCSessionAction] {
    var actions: [IRCSessionAction] = []
    for channel in Self.channelNames(list) {
      guard joins.admit(at: now, limit: limits.joinsPer10s) else {
        phase = .closed
        return actions + [.close(.graceful)]
      }
      if !channels.contains(channel) { actions.append(.join(channel: channel)) }
    }
    return actions
  }

  mutating func part(_ list: String) -> [IRCSessionAction] {
    var actions: [IRCSessionAction] = []
    for channel in Self.channelNames(list) where channels.remove(channel) != nil {
      actions += send([IRCRender.part(login: nick, channel: channel, own: true)])
      actions.append(.part(channel: channel))
    }
    return actions
  }

  /// PRIVMSG #channel :text. Anonymous connections cannot talk (dropped silently). `/me`
  /// and CTCP ACTION become actions, `/disconnect` closes; every other chat command was removed
  /// from IRC in February 2023 and gets `unrecognized_cmd`.
  func privmsg(_ message: IRCMessage) -> [IRCSessionAction] {
    guard case .user = identity, message.params.count >= 2, message.params[0].hasPrefix("#") else { return [] }
    let channel = message.params[0].dropFirst().lowercased()
    var text = Substring(message.params[message.params.count - 1])
    var isAction = false
    if text.hasPrefix("\u{1}ACTION ") {
      text = text.dropFirst(8)
      if text.hasSuffix("\u{1}") { text = text.dropLast() }
      isAction = true
    } else if let first = text.first, first == "/" || first == "." {
      let command = text.dropFirst().prefix { $0 != " " }
      if !command.isEmpty && command.allSatisfy({ $0.isASCII && $0.isLetter }) {
        switch command.lowercased() {
        case "me":
          text = text.dropFirst(command.count + 1).drop { $0 == " " }
          isAction = true
        case "disconnect":
          return [.close(.graceful)]
        default:
          return chatRefused(
            channel: channel, msgID: "unrecognized_cmd", text: "Unrecognized command: \(first)\(command)")
        }
      }
    }
    guard !text.isEmpty else { return [] }
    let request = IRCChatRequest(
      channel: channel, text: String(text), isAction: isAction, replyParentID: message.tags["reply-parent-msg-id"],
      clientNonce: message.tags["client-nonce"])
    return [.chat(request)]
  }

  /// `#a,#B` → `["a", "b"]`; names without `#` are ignored.
  static func channelNames(_ list: String) -> [String] {
    list.split(separator: ",").compactMap { name in
      let trimmed = name.drop { $0 == " " }
      guard trimmed.hasPrefix("#"), trimmed.count > 1 else { return nil }
      return trimmed.dropFirst().lowercased()
    }
  }

  /// `justinfan` followed by digits.
  static func isAnonymous(_ nick: String) -> Bool {
    let digits = nick.utf8.dropFirst(9)
    return nick.hasPrefix("justinfan") && !digits.isEmpty
      && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
  }
}
