import Foundation
import Logging
import TwitchSimCore

/// A PRIVMSG line rendered once, cut where its `id` and `tmi-sent-ts` tag values go, so each
/// copy costs one allocation and a few memory copies.
struct PrivmsgTemplate: Sendable {
  enum Hole: Sendable { case id, timestamp }

  /// `holes.count + 1` pieces of the line around the holes.
  let pieces: [[UInt8]]
  let holes: [Hole]

  /// Cuts `line` at the values of its `id` and `tmi-sent-ts` tags (when present).
  init(line: String) {
    let bytes = Array(line.utf8)
    var found: [(range: Range<Int>, hole: Hole)] = []
    if bytes.first == UInt8(ascii: "@") {
      let end = bytes.firstIndex(of: UInt8(ascii: " ")) ?? bytes.count
      var tagStart = 1
      while tagStart < end {
        let tagEnd = bytes[tagStart..<end].firstIndex(of: UInt8(ascii: ";")) ?? end
        if let equals = bytes[tagStart..<tagEnd].firstIndex(of: UInt8(ascii: "=")) {
          let key = bytes[tagStart..<equals]
          if key.elementsEqual("id".utf8) {
            found.append((equals + 1..<tagEnd, .id))
          } else if key.elementsEqual("tmi-sent-ts".utf8) {
            found.append((equals + 1..<tagEnd, .timestamp))
          }
        }
        tagStart = tagEnd + 1
      }
    }
    var pieces: [[UInt8]] = []
    var cursor = 0
    for (range, _) in found {
      pieces.append(Array(bytes[cursor..<range.lowerBound]))
      cursor = range.upperBound
    }
    pieces.append(Array(bytes[cursor...]))
    self.pieces = pieces
    holes = found.map(\.hole)
  }

  /// A copy with `id` (36 bytes) and `timestamp` (ASCII digits) in the holes.
  func line(id: UnsafeBufferPointer<UInt8>, timestamp: UnsafeBufferPointer<UInt8>) -> String {
    var length = pieces.reduce(0) { $0 + $1.count }
    for hole in holes { length += hole == .id ? id.count : timestamp.count }
    return String(unsafeUninitializedCapacity: length) { buffer in
      var offset = 0
      func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        (buffer.baseAddress! + offset).update(from: base, count: bytes.count)
        offset += bytes.count
      }
      for (index, piece) in pieces.enumerated() {
        piece.withUnsafeBufferPointer { put($0) }
        if index < holes.count { put(holes[index] == .id ? id : timestamp) }
      }
      return offset
    }
  }

  /// Renders a pool of templates for `.generated` floods: users and texts mixed, at most `limit`.
  static func pool(
    sink: any ChatLineSink, users: [SimUser], broadcaster: SimUser, texts: [String], limit: Int = 1024
  ) -> [PrivmsgTemplate] {
    guard let prototype = prototypeMessage() else { return [] }
    let users = users.isEmpty ? [broadcaster] : users
    let texts = texts.isEmpty ? ["Kappa"] : texts
    let count = min(users.count * texts.count, limit)
    return (0..<count).map { number in
      let user = users[number % users.count]
      let text = texts[(number / users.count + number) % texts.count]
      var message = prototype
      message.id = "00000000-0000-4000-8000-000000000000"
      message.channelID = broadcaster.id
      message.userID = user.id
      message.text = text
      message.sentAt = Date()
      message.emotes = EmoteCatalog.ranges(in: text)
      message.firstMessage = false
      message.returningChatter = false
      let event = ChatMessageEvent(
        message: message, sender: user, broadcaster: broadcaster, role: .viewer, badges: [], replyParent: nil)
      return PrivmsgTemplate(line: sink.renderPrivmsg(event))
    }
  }

  /// A `ChatMessage` to copy: the type has no public initializer, so a private scratch world
  /// sends one message and its fields are then overwritten.
  private static func prototypeMessage() -> ChatMessage? {
    let world = SimWorld(logger: Logger(label: "twitch-sim.flood") { _ in SwiftLogNoOpLogHandler() })
    guard let user = try? world.createUser(login: "flood"), (try? world.openChannel(broadcasterID: user.id)) != nil,
      case .sent(let message) = try? world.sendChat(channelID: user.id, userID: user.id, text: "flood")
    else { return nil }
    return message
  }
}
