import NIOCore
import Synchronization
import WardenGateway
import WardenIRC

/// The reading path of one IRC socket, called by the transport on its own thread: splits the
/// bytes into lines, parses each with WardenIRC, answers `PING` at once, hands every other line
/// to the handler, and signals the few lines the connection logic needs (001, RECONNECT, our own
/// JOIN/PART, login NOTICEs). No task hop and no lock but the shard's, once per read.
final class IRCLineReader: TransportReceiver {
  /// The payload of the PING that ends a handover's drain.
  static let handoverToken = "warden-handover"
  /// NOTICE msg-ids that mean a JOIN will never be confirmed.
  static let joinRefusals: Set<String> = ["msg_channel_suspended", "tos_ban", "msg_room_not_found"]

  let key: IRCLinkKey
  /// Our login on this socket, lowercase: JOIN and PART echoes from it are ours.
  let nick: String
  private let inbox: ShardInbox
  private let signal: @Sendable (IRCLinkKey, IRCLinkSignal) -> Void
  private let opened: @Sendable (IRCLinkKey, any TransportConnection) -> Void
  private let connection = Mutex<(any TransportConnection)?>(nil)

  init(
    key: IRCLinkKey,
    nick: String,
    inbox: ShardInbox,
    opened: @escaping @Sendable (IRCLinkKey, any TransportConnection) -> Void,
    signal: @escaping @Sendable (IRCLinkKey, IRCLinkSignal) -> Void
  ) {
    self.key = key
    self.nick = nick
    self.inbox = inbox
    self.opened = opened
    self.signal = signal
  }

  func opened(_ connection: any TransportConnection) {
    self.connection.withLock { $0 = connection }
    opened(key, connection)
  }

  func received(_ buffer: ByteBuffer) {
    let now = ContinuousClock.now
    var signals: [IRCLinkSignal] = []
    inbox.withState { state in
      guard !state.muted.contains(key.id) else { return }
      LineSplitter.forEachLine(in: buffer) { raw in
        guard !state.muted.contains(key.id) else { return }
        handleLine(raw, at: now, state: &state, signals: &signals)
      }
      state.lastLine[key.id] = now
    }
    for signal in signals { self.signal(key, signal) }
  }

  private func handleLine(
    _ raw: UnsafeRawBufferPointer,
    at now: ContinuousClock.Instant,
    state: inout ShardInbox.State,
    signals: inout [IRCLinkSignal]
  ) {
    let message: IRCMessage
    do {
      message = try IRCMessage.parse(raw)
    } catch {
      state.malformed += 1
      return
    }
    var isChat = false
    switch message {
    case .ping(let token):
      connection.withLock { $0 }?.send(["PONG :\(token ?? "tmi.twitch.tv")"])
      return
    case .privmsg, .userNotice:
      state.chatMessages += 1
      isChat = true
    case .reconnect:
      signals.append(.reconnect)
    case .notice(let notice):
      if notice.channel == "*" {
        signals.append(.serverNotice(notice.text))
      } else if let id = notice.messageID, Self.joinRefusals.contains(id) {
        signals.append(.joinRefused(notice.channel.lowercased()))
      }
    case .other(let line):
      guard let signal = classify(line) else { break }
      signals.append(signal)
      if signal == .drained {
        // Everything after this PONG also reaches the new socket, which has joined every channel.
        state.muted.insert(key.id)
        return
      }
    default:
      break
    }
    guard isFirstDelivery(raw, isChat: isChat, state: &state) else { return }
    inbox.handler(.message(message, connection: inbox.connection, receivedAt: now))
  }

  /// Whether a line is new to the handler, around a handover (see `ShardInbox.Dedupe`).
  private func isFirstDelivery(_ raw: UnsafeRawBufferPointer, isChat: Bool, state: inout ShardInbox.State) -> Bool {
    switch state.dedupe {
    case .off:
      return true
    case .overlap:
      return state.seen.isFirstSighting(String(decoding: raw, as: UTF8.self))
    case .tail:
      if state.seen.contains(String(decoding: raw, as: UTF8.self)) { return false }
      if isChat {
        state.dedupe = .off
        state.seen = MessageDeduplicator(capacity: 50_000)
      }
      return true
    }
  }

  /// The untyped lines that matter to the connection logic.
  private func classify(_ line: IRCLine) -> IRCLinkSignal? {
    switch line.command {
    case "001":
      return .welcome
    case "JOIN", "PART":
      guard line.prefix?.nick.lowercased() == nick, let channel = line.param(0) else { return nil }
      let login = String(channel.drop { $0 == "#" }).lowercased()
      return line.command == "JOIN" ? .joined(login) : .parted(login)
    case "PONG":
      return line.params.last == Self.handoverToken ? .drained : nil
    default:
      return nil
    }
  }
}
