import CZeroMQ

/// A socket option whose value has the Swift type `Value`, so an option cannot be set with the
/// wrong C type. `ZMQSocket.set(_:_:)` and `ZMQSocket.get(_:)` take them.
public struct ZMQOption<Value>: Sendable, CustomStringConvertible {
  let code: Int32
  let name: String

  public var description: String { name }
}

extension ZMQOption where Value == Int32 {
  /// Milliseconds pending messages are kept after close; Warden uses 0 or a few hundred.
  public static var linger: Self { .init(code: ZMQ_LINGER, name: "ZMQ_LINGER") }
  public static var sendHighWaterMark: Self { .init(code: ZMQ_SNDHWM, name: "ZMQ_SNDHWM") }
  public static var receiveHighWaterMark: Self { .init(code: ZMQ_RCVHWM, name: "ZMQ_RCVHWM") }
  /// Milliseconds a blocking send waits; -1 forever.
  public static var sendTimeout: Self { .init(code: ZMQ_SNDTIMEO, name: "ZMQ_SNDTIMEO") }
  /// Milliseconds a blocking receive waits; -1 forever.
  public static var receiveTimeout: Self { .init(code: ZMQ_RCVTIMEO, name: "ZMQ_RCVTIMEO") }
  public static var reconnectInterval: Self { .init(code: ZMQ_RECONNECT_IVL, name: "ZMQ_RECONNECT_IVL") }
  /// The socket's `ZMQ_EVENTS` bit mask (read only).
  public static var events: Self { .init(code: ZMQ_EVENTS, name: "ZMQ_EVENTS") }
}

extension ZMQOption where Value == Int64 {
  /// Largest inbound message in bytes; a peer sending a larger one is disconnected. -1: no limit.
  public static var maxMessageSize: Self { .init(code: ZMQ_MAXMSGSIZE, name: "ZMQ_MAXMSGSIZE") }
}

extension ZMQOption where Value == Bool {
  /// XPUB: pass every subscription message up, not only new topics.
  public static var xpubVerbose: Self { .init(code: ZMQ_XPUB_VERBOSE, name: "ZMQ_XPUB_VERBOSE") }
  /// XPUB: pass every subscription and unsubscription message up.
  public static var xpubVerboser: Self { .init(code: ZMQ_XPUB_VERBOSER, name: "ZMQ_XPUB_VERBOSER") }
  /// ROUTER: fail with `EHOSTUNREACH` instead of dropping a message to an unknown peer.
  public static var routerMandatory: Self { .init(code: ZMQ_ROUTER_MANDATORY, name: "ZMQ_ROUTER_MANDATORY") }
  /// REQ: allow a new request before the previous reply arrived.
  public static var requestRelaxed: Self { .init(code: ZMQ_REQ_RELAXED, name: "ZMQ_REQ_RELAXED") }
  /// REQ: match replies to requests, dropping stale replies.
  public static var requestCorrelate: Self { .init(code: ZMQ_REQ_CORRELATE, name: "ZMQ_REQ_CORRELATE") }
  /// Queue messages only to completed connections.
  public static var immediate: Self { .init(code: ZMQ_IMMEDIATE, name: "ZMQ_IMMEDIATE") }
  /// Whether more frames of the current message follow (read only).
  public static var receiveMore: Self { .init(code: ZMQ_RCVMORE, name: "ZMQ_RCVMORE") }
}

extension ZMQOption where Value == [UInt8] {
  /// SUB: subscribe to a topic prefix (bytes; the empty prefix matches everything).
  public static var subscribe: Self { .init(code: ZMQ_SUBSCRIBE, name: "ZMQ_SUBSCRIBE") }
  public static var unsubscribe: Self { .init(code: ZMQ_UNSUBSCRIBE, name: "ZMQ_UNSUBSCRIBE") }
  public static var routingID: Self { .init(code: ZMQ_ROUTING_ID, name: "ZMQ_ROUTING_ID") }
}

extension ZMQOption where Value == String {
  /// The endpoint last bound, with the real port when bound to port 0 (read only).
  public static var lastEndpoint: Self { .init(code: ZMQ_LAST_ENDPOINT, name: "ZMQ_LAST_ENDPOINT") }
}
