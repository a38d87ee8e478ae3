/// `ROOMSTATE`: a channel's chat settings. On join every field is set; on a change only the
/// changed ones are, so every field is optional.
public struct RoomState: Sendable, Hashable {
  public var channel: String
  public var roomID: String?
  public var emoteOnly: Bool?
  /// Followers-only: -1 off, otherwise the minutes a user must have followed.
  public var followersOnly: Int?
  public var r9k: Bool?
  public var rituals: Bool?
  /// Seconds between a user's messages; 0 off.
  public var slow: Int?
  public var subsOnly: Bool?

  public init(channel: String) {
    self.channel = channel
  }

  init?(_ line: borrowing IRCLine) {
    let parsed: RoomState? = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      guard let channel = line.channel(bytes) else { return nil }
      var state = RoomState(channel: channel)
      state.roomID = tags.value("room-id")
      state.emoteOnly = tags.flag("emote-only")
      state.followersOnly = tags.int("followers-only")
      state.r9k = tags.flag("r9k")
      state.rituals = tags.flag("rituals")
      state.slow = tags.int("slow")
      state.subsOnly = tags.flag("subs-only")
      return state
    }
    guard let parsed else { return nil }
    self = parsed
  }
}
