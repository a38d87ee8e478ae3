import Foundation
import Synchronization
import TwitchSimCore

/// A `ChatLineSink` that renders a compact PRIVMSG and counts what it is given, keeping the
/// first lines to look at.
final class CountingSink: ChatLineSink {
  private let state = Mutex<(lines: Int, calls: Int, kept: [String])>((0, 0, []))
  let keep: Int

  init(keep: Int = 0) { self.keep = keep }

  var lines: Int { state.withLock { $0.lines } }
  var calls: Int { state.withLock { $0.calls } }
  var kept: [String] { state.withLock { $0.kept } }

  func renderPrivmsg(_ event: ChatMessageEvent) -> String {
    let message = event.message
    let ms = Int64((message.sentAt.timeIntervalSince1970 * 1000).rounded(.down))
    let login = event.sender.login
    return "@badge-info=;badges=;color=;display-name=\(event.sender.displayName);emotes=;first-msg=0;flags=;"
      + "id=\(message.id);mod=0;room-id=\(event.broadcaster.id);subscriber=0;tmi-sent-ts=\(ms);turbo=0;"
      + "user-id=\(event.sender.id);user-type= :\(login)!\(login)@\(login).tmi.twitch.tv PRIVMSG "
      + "#\(event.broadcaster.login) :\(message.text)"
  }

  func broadcast(rawLines: [String], toChannel channelLogin: String?) -> Int {
    state.withLock { state in
      state.lines += rawLines.count
      state.calls += 1
      if state.kept.count < keep { state.kept += rawLines.prefix(keep - state.kept.count) }
    }
    return rawLines.count
  }
}
