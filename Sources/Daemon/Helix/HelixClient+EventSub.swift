/// EventSub subscriptions over the WebSocket transport.
extension HelixClient {
  /// Subscribes the WebSocket session `sessionID` to `type` (`version`) for `condition`.
  public func createEventSubSubscription(
    type: String, version: String, condition: [String: String], sessionID: String
  ) async throws -> EventSubSubscriptionInfo {
    struct Body: Encodable {
      struct Transport: Encodable {
        var method = "websocket"
        var sessionID: String

        enum CodingKeys: String, CodingKey {
          case method
          case sessionID = "session_id"
        }
      }
      var type: String
      var version: String
      var condition: [String: String]
      var transport: Transport
    }
    let body = Body(type: type, version: version, condition: condition, transport: .init(sessionID: sessionID))
    let endpoint = HelixEndpoint.createEventSubSubscription
    let data = try await perform(Call(endpoint: endpoint, body: HelixJSON.encode(body)))
    let envelope = try HelixJSON.decode(EventSubSubscriptionInfo.Item.self, from: data, endpoint: endpoint)
    guard let item = envelope.data.first else { throw HelixError(.decoding, endpoint: endpoint, message: "empty data") }
    return EventSubSubscriptionInfo(
      id: item.id, status: item.status, type: item.type, version: item.version, cost: item.cost ?? 0,
      totalCost: envelope.totalCost, maxTotalCost: envelope.maxTotalCost)
  }

  /// Deletes a subscription.
  public func deleteEventSubSubscription(id: String) async throws {
    _ = try await perform(Call(endpoint: .deleteEventSubSubscription, query: [("id", id)]))
  }
}
