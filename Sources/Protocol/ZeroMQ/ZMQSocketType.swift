import CZeroMQ

/// The socket patterns Warden uses.
public enum ZMQSocketType: Sendable, CustomStringConvertible {
  case pub, sub, xpub, xsub, req, rep, dealer, router, pair, push, pull

  var rawValue: Int32 {
    switch self {
    case .pub: ZMQ_PUB
    case .sub: ZMQ_SUB
    case .xpub: ZMQ_XPUB
    case .xsub: ZMQ_XSUB
    case .req: ZMQ_REQ
    case .rep: ZMQ_REP
    case .dealer: ZMQ_DEALER
    case .router: ZMQ_ROUTER
    case .pair: ZMQ_PAIR
    case .push: ZMQ_PUSH
    case .pull: ZMQ_PULL
    }
  }

  public var description: String {
    switch self {
    case .pub: "PUB"
    case .sub: "SUB"
    case .xpub: "XPUB"
    case .xsub: "XSUB"
    case .req: "REQ"
    case .rep: "REP"
    case .dealer: "DEALER"
    case .router: "ROUTER"
    case .pair: "PAIR"
    case .push: "PUSH"
    case .pull: "PULL"
    }
  }
}
