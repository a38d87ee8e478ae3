/// The names of the gateway's commands (PROTOCOL.md 8).
extension CommandName {
  public static let channelsList = "channels.list"
  public static let channelsJoin = "channels.join"
  public static let channelsPart = "channels.part"
  public static let modBan = "mod.ban"
  public static let modUnban = "mod.unban"
  public static let modTimeout = "mod.timeout"
  public static let modUntimeout = "mod.untimeout"
  public static let modDelete = "mod.delete"
  public static let modClear = "mod.clear"
  public static let modWarn = "mod.warn"
  public static let modMode = "mod.mode"
  public static let modShield = "mod.shield"
  public static let chatSend = "chat.send"
  public static let authStatus = "auth.status"
  public static let authLogin = "auth.login"
  public static let authLogout = "auth.logout"
}

/// `args` of `channels.join` and `channels.part`: channel logins, with or without `#`, any case.
public struct ChannelsArgs: Sendable, Hashable, Codable {
  public var channels: [String]

  public init(channels: [String]) { self.channels = channels }
}

/// `result` of `channels.list`, `channels.join` and `channels.part`: every channel the gateway
/// watches after the command.
public struct ChannelsResult: Sendable, Hashable, Codable {
  public var channels: [ChannelInfo]

  public init(channels: [ChannelInfo]) { self.channels = channels }
}

/// One watched channel.
public struct ChannelInfo: Sendable, Hashable, Codable {
  /// The channel's login.
  public var login: String
  /// Its Twitch id, once known (from `ROOMSTATE` or Helix).
  public var id: String?
  /// Whether the IRC connection has joined it.
  public var joined: Bool
  /// The IRC connection carrying it, numbered from 0 as in `sys.connection`.
  public var connection: Int?

  public init(login: String, id: String? = nil, joined: Bool, connection: Int? = nil) {
    self.login = login
    self.id = id
    self.joined = joined
    self.connection = connection
  }
}

/// `args` of `mod.ban`, `mod.unban`, `mod.timeout`, `mod.untimeout` and `mod.warn`.
///
/// `channel` may be left out when the gateway watches exactly one channel.
public struct ModUserArgs: Sendable, Hashable, Codable {
  public var channel: String?
  /// The target's login.
  public var user: String
  /// Shown to the user and kept by Twitch; required by `mod.warn`.
  public var reason: String?
  /// `mod.timeout` only: 1 to 1,209,600 seconds (two weeks).
  public var durationS: Int?

  public init(channel: String? = nil, user: String, reason: String? = nil, durationS: Int? = nil) {
    self.channel = channel
    self.user = user
    self.reason = reason
    self.durationS = durationS
  }

  enum CodingKeys: String, CodingKey {
    case channel, user, reason
    case durationS = "duration_s"
  }
}

/// `args` of `mod.delete`: one message, by its id.
public struct ModDeleteArgs: Sendable, Hashable, Codable {
  public var channel: String?
  public var messageID: String

  public init(channel: String? = nil, messageID: String) {
    self.channel = channel
    self.messageID = messageID
  }

  enum CodingKeys: String, CodingKey {
    case channel
    case messageID = "message_id"
  }
}

/// `args` of `mod.clear` and `channels`-scoped commands without other arguments.
public struct ChannelArgs: Sendable, Hashable, Codable {
  public var channel: String?

  public init(channel: String? = nil) { self.channel = channel }
}

/// `args` of `mod.mode`: turn one chat setting on or off.
public struct ModModeArgs: Sendable, Hashable, Codable {
  public var channel: String?
  public var mode: ChatMode
  public var enabled: Bool
  /// `slow`: seconds between a user's messages (3 to 120, default 30). `followers`: how long a
  /// user must have followed, in seconds (0 to 3 months, rounded down to minutes, default 0).
  public var durationS: Int?

  public init(channel: String? = nil, mode: ChatMode, enabled: Bool, durationS: Int? = nil) {
    self.channel = channel
    self.mode = mode
    self.enabled = enabled
    self.durationS = durationS
  }

  enum CodingKeys: String, CodingKey {
    case channel, mode, enabled
    case durationS = "duration_s"
  }
}

/// `args` of `mod.shield`.
public struct ModShieldArgs: Sendable, Hashable, Codable {
  public var channel: String?
  public var enabled: Bool

  public init(channel: String? = nil, enabled: Bool) {
    self.channel = channel
    self.enabled = enabled
  }
}

/// `result` of every `mod.*` command: what Twitch accepted.
public struct ModActionResult: Sendable, Hashable, Codable {
  /// The command's name without `mod.` (`ban`, `timeout`, `mode`, ...).
  public var action: String
  public var channel: TwitchChannel
  /// The target, for user actions.
  public var user: TwitchUser?
  /// The deleted message, for `delete`.
  public var messageID: String?
  public var durationS: Int?
  public var reason: String?
  /// For `mode`.
  public var mode: ChatMode?
  /// For `mode` and `shield`.
  public var enabled: Bool?
  /// When Twitch's answer repeats a known end time (a timeout's end), ms since the epoch.
  public var endsAt: Int64?

  public init(
    action: String, channel: TwitchChannel, user: TwitchUser? = nil, messageID: String? = nil, durationS: Int? = nil,
    reason: String? = nil, mode: ChatMode? = nil, enabled: Bool? = nil, endsAt: Int64? = nil
  ) {
    self.action = action
    self.channel = channel
    self.user = user
    self.messageID = messageID
    self.durationS = durationS
    self.reason = reason
    self.mode = mode
    self.enabled = enabled
    self.endsAt = endsAt
  }

  enum CodingKeys: String, CodingKey {
    case action, channel, user, reason, mode, enabled
    case messageID = "message_id"
    case durationS = "duration_s"
    case endsAt = "ends_at"
  }
}

/// `args` of `chat.send`.
public struct ChatSendArgs: Sendable, Hashable, Codable {
  public var channel: String?
  /// At most 500 characters.
  public var text: String
  /// The message this one answers.
  public var replyTo: String?

  public init(channel: String? = nil, text: String, replyTo: String? = nil) {
    self.channel = channel
    self.text = text
    self.replyTo = replyTo
  }

  enum CodingKeys: String, CodingKey {
    case channel, text
    case replyTo = "reply_to"
  }
}

/// `result` of `chat.send`: Twitch may accept the request and still drop the message (AutoMod,
/// a blocked term, slow mode); `sent` and `dropReason` say which.
public struct ChatSendResult: Sendable, Hashable, Codable {
  public var channel: TwitchChannel
  public var messageID: String?
  public var sent: Bool
  public var dropReason: String?

  public init(channel: TwitchChannel, messageID: String?, sent: Bool, dropReason: String? = nil) {
    self.channel = channel
    self.messageID = messageID
    self.sent = sent
    self.dropReason = dropReason
  }

  enum CodingKeys: String, CodingKey {
    case channel, sent
    case messageID = "message_id"
    case dropReason = "drop_reason"
  }
}

/// Where the daemon stands with Twitch's authorization.
public enum AuthState: String, Sendable, Hashable, Codable, CaseIterable {
  /// A valid user token: chat is read with it and moderation works.
  case authenticated
  /// No token: chat is read anonymously, moderation is unavailable.
  case anonymous
  /// Twitch rejects the stored token; chat continues anonymously.
  case invalid
  /// The token expired and could not be refreshed; chat continues anonymously.
  case expired
  /// The user or Twitch revoked the authorization; chat continues anonymously.
  case revoked
}

/// `result` of `auth.status`, and `twitch.auth` in `status`.
public struct AuthStatusResult: Sendable, Hashable, Codable {
  public var state: AuthState
  /// The account the token belongs to.
  public var user: TwitchUser?
  public var scopes: [String]
  /// When the access token expires, ms since the epoch.
  public var expiresAt: Int64?
  /// Why moderation is unavailable, in words a moderator can act on.
  public var message: String?
  /// A login in progress (`warden login`), if any.
  public var pending: AuthLoginResult?

  public init(
    state: AuthState, user: TwitchUser? = nil, scopes: [String] = [], expiresAt: Int64? = nil, message: String? = nil,
    pending: AuthLoginResult? = nil
  ) {
    self.state = state
    self.user = user
    self.scopes = scopes
    self.expiresAt = expiresAt
    self.message = message
    self.pending = pending
  }

  enum CodingKeys: String, CodingKey {
    case state, user, scopes, message, pending
    case expiresAt = "expires_at"
  }
}

/// How `auth.login` authorizes.
public enum AuthFlow: String, Sendable, Hashable, Codable, CaseIterable {
  /// Device code: open a URL anywhere and enter a code. Needs no client secret.
  case device
  /// Authorization code: the browser is sent back to the daemon's local redirect listener.
  /// Needs `twitch.client_secret`.
  case code
}

/// `args` of `auth.login`.
public struct AuthLoginArgs: Sendable, Hashable, Codable {
  public var flow: AuthFlow?

  public init(flow: AuthFlow? = nil) { self.flow = flow }
}

/// `result` of `auth.login`: what the user must open. The daemon finishes the flow on its own;
/// `auth.status` shows the outcome.
public struct AuthLoginResult: Sendable, Hashable, Codable {
  public var flow: AuthFlow
  /// The page to open.
  public var verificationURI: String
  /// Device flow: the code to enter there.
  public var userCode: String?
  /// When the offer lapses, ms since the epoch.
  public var expiresAt: Int64

  public init(flow: AuthFlow, verificationURI: String, userCode: String?, expiresAt: Int64) {
    self.flow = flow
    self.verificationURI = verificationURI
    self.userCode = userCode
    self.expiresAt = expiresAt
  }

  enum CodingKeys: String, CodingKey {
    case flow
    case verificationURI = "verification_uri"
    case userCode = "user_code"
    case expiresAt = "expires_at"
  }
}

/// `twitch` in `status`: the gateway at a glance.
public struct GatewayStatus: Sendable, Hashable, Codable {
  public var auth: AuthStatusResult
  /// The last state of every connection.
  public var connections: [ConnectionData]
  public var channels: [ChannelInfo]

  public init(auth: AuthStatusResult, connections: [ConnectionData], channels: [ChannelInfo]) {
    self.auth = auth
    self.connections = connections
    self.channels = channels
  }
}
