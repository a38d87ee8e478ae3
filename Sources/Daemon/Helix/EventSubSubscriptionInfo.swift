/// A subscription Twitch created (`POST eventsub/subscriptions`), with the client's costs.
public struct EventSubSubscriptionInfo: Sendable, Hashable {
  /// Twitch's id of the subscription, for deleting it.
  public var id: String
  /// `enabled` for a WebSocket subscription that works.
  public var status: String
  /// The subscription type, e.g. `channel.chat.message`.
  public var type: String
  /// The type's version, e.g. `1`.
  public var version: String
  /// What this subscription counts against `maxTotalCost` (0 when the token's user is in
  /// the condition).
  public var cost: Int
  /// The cost of all the client's subscriptions (for this user).
  public var totalCost: Int?
  /// The most `totalCost` may reach.
  public var maxTotalCost: Int?

  /// A subscription as Twitch reported it.
  public init(
    id: String, status: String, type: String, version: String, cost: Int, totalCost: Int? = nil,
    maxTotalCost: Int? = nil
  ) {
    self.id = id
    self.status = status
    self.type = type
    self.version = version
    self.cost = cost
    self.totalCost = totalCost
    self.maxTotalCost = maxTotalCost
  }

  /// One entry of `data`.
  struct Item: Decodable {
    var id: String
    var status: String
    var type: String
    var version: String
    var cost: Int?
  }
}
