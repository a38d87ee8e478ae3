extension UserNotice {
  /// The event a `USERNOTICE` announces.
  public enum Kind: Sendable, Hashable {
    /// `sub`: a first subscription.
    case sub(Subscription)
    /// `resub`: a renewed subscription.
    case resub(Subscription)
    /// `subgift` or `anonsubgift`: a subscription given to one user.
    case subGift(SubGift)
    /// `submysterygift` or `anonsubmysterygift`: subscriptions given to random users.
    case subMysteryGift(MysteryGift)
    /// `raid`: another channel's viewers arrive.
    case raid(Raid)
    /// `announcement`: a highlighted moderator message; the colour such as `PRIMARY`.
    case announcement(color: String?)
    /// Any other `msg-id`, with its `msg-param-*` tags (keys without the prefix, values unescaped).
    case other(msgID: String, params: [String: String])
  }

  /// A subscription's terms.
  public struct Subscription: Sendable, Hashable {
    public var cumulativeMonths: Int?
    public var streakMonths: Int?
    public var sharesStreak: Bool
    /// `Prime`, `1000`, `2000` or `3000`.
    public var plan: String
    public var planName: String

    public init(cumulativeMonths: Int?, streakMonths: Int?, sharesStreak: Bool, plan: String, planName: String) {
      self.cumulativeMonths = cumulativeMonths
      self.streakMonths = streakMonths
      self.sharesStreak = sharesStreak
      self.plan = plan
      self.planName = planName
    }
  }

  /// A gift to one user.
  public struct SubGift: Sendable, Hashable {
    public var recipientLogin: String
    public var recipientDisplayName: String
    public var recipientID: String
    public var months: Int?
    public var giftMonths: Int?
    public var plan: String
    public var planName: String

    public init(
      recipientLogin: String, recipientDisplayName: String, recipientID: String, months: Int?, giftMonths: Int?,
      plan: String, planName: String
    ) {
      self.recipientLogin = recipientLogin
      self.recipientDisplayName = recipientDisplayName
      self.recipientID = recipientID
      self.months = months
      self.giftMonths = giftMonths
      self.plan = plan
      self.planName = planName
    }
  }

  /// A batch of gifts to random users.
  public struct MysteryGift: Sendable, Hashable {
    public var count: Int
    /// The gifter's total in the channel, if shared.
    public var senderCount: Int?
    public var plan: String

    public init(count: Int, senderCount: Int?, plan: String) {
      self.count = count
      self.senderCount = senderCount
      self.plan = plan
    }
  }

  /// A raid.
  public struct Raid: Sendable, Hashable {
    public var login: String
    public var displayName: String
    public var viewerCount: Int

    public init(login: String, displayName: String, viewerCount: Int) {
      self.login = login
      self.displayName = displayName
      self.viewerCount = viewerCount
    }
  }
}

extension UserNotice.Kind {
  /// The kind of the notice on `line` with the `msg-id` `msgID`, from its `msg-param-*` tags.
  init(_ line: IRCLine, msgID: String) {
    self = line.withBytes { bytes in
      var tags = TagReader(line, bytes)
      return Self(msgID, &tags)
    }
  }

  init(_ msgID: String, _ tags: inout TagReader) {
    func subscription(_ tags: inout TagReader) -> UserNotice.Subscription {
      UserNotice.Subscription(
        cumulativeMonths: tags.int("msg-param-cumulative-months"),
        streakMonths: tags.int("msg-param-streak-months"),
        sharesStreak: tags.flag("msg-param-should-share-streak") ?? false,
        plan: tags.string("msg-param-sub-plan"), planName: tags.string("msg-param-sub-plan-name"))
    }
    switch msgID {
    case "sub": self = .sub(subscription(&tags))
    case "resub": self = .resub(subscription(&tags))
    case "subgift", "anonsubgift":
      self = .subGift(
        UserNotice.SubGift(
          recipientLogin: tags.string("msg-param-recipient-user-name"),
          recipientDisplayName: tags.string("msg-param-recipient-display-name"),
          recipientID: tags.string("msg-param-recipient-id"), months: tags.int("msg-param-months"),
          giftMonths: tags.int("msg-param-gift-months"), plan: tags.string("msg-param-sub-plan"),
          planName: tags.string("msg-param-sub-plan-name")))
    case "submysterygift", "anonsubmysterygift":
      self = .subMysteryGift(
        UserNotice.MysteryGift(
          count: tags.int("msg-param-mass-gift-count") ?? 0,
          senderCount: tags.int("msg-param-sender-count"), plan: tags.string("msg-param-sub-plan")))
    case "raid":
      self = .raid(
        UserNotice.Raid(
          login: tags.string("msg-param-login"), displayName: tags.string("msg-param-displayName"),
          viewerCount: tags.int("msg-param-viewerCount") ?? 0))
    case "announcement":
      self = .announcement(color: tags.value("msg-param-color"))
    default:
      var params: [String: String] = [:]
      let bytes = tags.bytes
      for tag in tags.tags where bytes.hasPrefix(tag.key, "msg-param-") {
        params[bytes.string(tag.key.lowerBound + 10..<tag.key.upperBound)] = bytes.value(tag.value)
      }
      self = .other(msgID: msgID, params: params)
    }
  }
}
